package dev.easel.nodes.mask;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageTensors;

import java.util.List;

/** One channel of an image as a mask. */
public final class ImageToMask extends DeclaredNode {
    private static final List<String> CHANNELS = List.of("red", "green", "blue", "alpha");

    static final NodeSchema SCHEMA = NodeSchema.builder("ImageToMask")
            .v3()
            .displayName("Convert Image to Mask")
            .searchAliases("extract channel", "channel to mask")
            .category("image/mask")
            .pythonModule("comfy_extras.nodes_mask")
            .required("image", "IMAGE")
            // a schema-based ComfyUI combo always lists multiselect, false for a single choice
            .requiredCombo("channel", CHANNELS, "multiselect", false)
            .output("MASK")
            .build();

    public ImageToMask() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image = inputs.get("image", Tensor.class);
        int[] s = ImageTensors.requireImage(image);
        String channel = inputs.getString("channel");
        int c = CHANNELS.indexOf(channel);
        if (c < 0) throw new IllegalArgumentException("unknown channel '" + channel + "', expected one of " + CHANNELS);
        if (c >= s[3]) throw new IllegalArgumentException("the image has " + s[3] + " channels, so it has no " + channel + " channel");
        float[] src = image.data();
        float[] out = new float[s[0] * s[1] * s[2]];
        for (int i = 0; i < out.length; i++) out[i] = src[i * s[3] + c];
        return NodeResult.of(Tensor.of(out, s[0], s[1], s[2]));
    }
}
