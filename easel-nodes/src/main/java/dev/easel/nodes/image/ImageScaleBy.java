package dev.easel.nodes.image;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.image.Resize;
import dev.easel.tensor.image.ResizeMethod;

/** Resizes images by a factor; sizes are rounded half to even, as Python's round does. */
public final class ImageScaleBy extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ImageScaleBy")
            .displayName("Upscale Image By")
            .category("image/upscaling")
            .essentialsCategory("Image Tools")
            .required("image", "IMAGE")
            .requiredCombo("upscale_method", ResizeMethod.wireNames())
            .required("scale_by", "FLOAT", "default", 1.0, "min", 0.01, "max", 8.0, "step", 0.01)
            .output("IMAGE")
            .build();

    public ImageScaleBy() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image = inputs.get("image", Tensor.class);
        int[] shape = ImageTensors.requireImage(image);
        double scale = inputs.getDouble("scale_by");
        int width = (int) Math.rint(shape[2] * scale);
        int height = (int) Math.rint(shape[1] * scale);
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("scaling a " + shape[2] + "x" + shape[1] + " image by " + scale
                    + " gives an empty image (" + width + "x" + height + ")");
        }
        ResizeMethod method = ResizeMethod.fromWireName(inputs.getString("upscale_method"));
        return NodeResult.of(Resize.resize(image, width, height, method, CropMode.DISABLED, ctx::checkInterrupted));
    }
}
