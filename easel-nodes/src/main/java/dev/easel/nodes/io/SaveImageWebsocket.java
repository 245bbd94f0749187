package dev.easel.nodes.io;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.Preview;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.png.PngEncoder;

import java.time.Instant;
import java.util.Optional;

/**
 * Streams each image of the batch to the client as a full-size PNG preview frame (zlib level
 * 1, no metadata) instead of writing a file. Progress runs 0..n-1, never reaching n, as in
 * ComfyUI. It has no outputs and no UI, so it produces no {@code executed} message.
 */
public final class SaveImageWebsocket implements NodeDefinition {
    static final NodeSchema SCHEMA = NodeSchema.builder("SaveImageWebsocket")
            .displayName("Save Image (Websocket)")
            .category("image")
            .pythonModule("custom_nodes.websocket_image_save")
            .required("images", "IMAGE")
            .outputNode()
            .build();

    private static final PngEncoder ENCODER = new PngEncoder(1);

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor images = inputs.get("images", Tensor.class);
        int batch = ImageTensors.requireImage(images)[0];
        for (int i = 0; i < batch; i++) {
            byte[] png = ENCODER.encode(ImageTensors.toPixels(images, i));
            ctx.progress(i, batch, Optional.of(new Preview(Preview.Format.PNG, png)));
        }
        return NodeResult.of();
    }

    /** The current time, so the node runs on every prompt. */
    @Override
    public Object fingerprint(Inputs constants) {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    @Override
    public boolean hasFingerprint() {
        return true;
    }
}
