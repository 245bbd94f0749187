package dev.easel.nodes.image;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageTensors;

/** 1 - value for every colour channel; an alpha channel is transparency, so it is kept. */
public final class ImageInvert extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ImageInvert")
            .displayName("Invert Image Colors")
            .category("image/color")
            .essentialsCategory("Image Tools")
            .searchAliases("reverse colors")
            .required("image", "IMAGE")
            .output("IMAGE")
            .build();

    public ImageInvert() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image = inputs.get("image", Tensor.class);
        int channels = ImageTensors.requireImage(image)[3];
        float[] src = image.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = channels == 4 && i % 4 == 3 ? src[i] : 1f - src[i];
        }
        return NodeResult.of(Tensor.of(out, image.shape()));
    }
}
