package dev.easel.nodes.image;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.image.Resize;
import dev.easel.tensor.image.ResizeMethod;

/**
 * Resizes images to a width and height; 0 for one of them keeps the aspect ratio, 0 for both
 * returns the input unchanged.
 */
public final class ImageScale extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ImageScale")
            .displayName("Upscale Image")
            .category("image/upscaling")
            .essentialsCategory("Image Tools")
            .searchAliases("resize", "resize image", "scale image", "image resize", "zoom", "zoom in", "change size")
            .required("image", "IMAGE")
            .requiredCombo("upscale_method", ResizeMethod.wireNames())
            .required("width", "INT", "default", 512, "min", 0, "max", Resolution.MAX, "step", 1)
            .required("height", "INT", "default", 512, "min", 0, "max", Resolution.MAX, "step", 1)
            .requiredCombo("crop", CropMode.wireNames())
            .output("IMAGE")
            .build();

    public ImageScale() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image = inputs.get("image", Tensor.class);
        int[] shape = ImageTensors.requireImage(image);
        int width = inputs.getInt("width"), height = inputs.getInt("height");
        if (width == 0 && height == 0) return NodeResult.of(image);
        if (width == 0) {
            width = Math.max(1, (int) Math.rint((double) shape[2] * height / shape[1]));
        } else if (height == 0) {
            height = Math.max(1, (int) Math.rint((double) shape[1] * width / shape[2]));
        }
        ResizeMethod method = ResizeMethod.fromWireName(inputs.getString("upscale_method"));
        CropMode crop = CropMode.fromWireName(inputs.getString("crop"));
        return NodeResult.of(Resize.resize(image, width, height, method, crop, ctx::checkInterrupted));
    }
}
