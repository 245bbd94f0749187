package dev.easel.nodes.image;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;

/** A batch of images of one colour, given as a 0xRRGGBB integer. */
public final class EmptyImage extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("EmptyImage")
            .displayName("Empty Image")
            .category("image")
            .required("width", "INT", "default", 512, "min", 1, "max", Resolution.MAX, "step", 1)
            .required("height", "INT", "default", 512, "min", 1, "max", Resolution.MAX, "step", 1)
            .required("batch_size", "INT", "default", 1, "min", 1, "max", 4096)
            .required("color", "INT", "default", 0, "min", 0, "max", 0xFFFFFF, "step", 1, "display", "color")
            .output("IMAGE")
            .build();

    public EmptyImage() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        int width = inputs.getInt("width"), height = inputs.getInt("height");
        int batch = inputs.getInt("batch_size");
        long color = inputs.getLong("color");
        // divided in double then stored as float32, as torch.full does with a Python float
        float r = (float) (((color >> 16) & 0xFF) / 255.0);
        float g = (float) (((color >> 8) & 0xFF) / 255.0);
        float b = (float) ((color & 0xFF) / 255.0);
        long count = (long) batch * height * width * 3;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an image batch of " + batch + "x" + width + "x" + height + " is too large");
        }
        float[] data = new float[(int) count];
        for (int i = 0; i < data.length; i += 3) {
            data[i] = r;
            data[i + 1] = g;
            data[i + 2] = b;
        }
        return NodeResult.of(Tensor.of(data, batch, height, width, 3));
    }
}
