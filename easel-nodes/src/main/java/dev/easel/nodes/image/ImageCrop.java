package dev.easel.nodes.image;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageGeometry;
import dev.easel.tensor.image.ImageTensors;

/**
 * Cuts a region out of every image. The corner is pulled inside the image and the region is
 * clipped at its edges, so the result may be smaller than asked (never empty).
 */
public final class ImageCrop extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ImageCrop")
            .v3()
            .displayName("Crop Image (DEPRECATED)")
            .category("image/transform")
            .pythonModule("comfy_extras.nodes_images")
            .deprecated()
            .essentialsCategory("Image Tools")
            .searchAliases("trim")
            .required("image", "IMAGE")
            .required("width", "INT", "default", 512, "min", 1, "max", Resolution.MAX, "step", 1)
            .required("height", "INT", "default", 512, "min", 1, "max", Resolution.MAX, "step", 1)
            .required("x", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 1)
            .required("y", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 1)
            .output("IMAGE")
            .build();

    public ImageCrop() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image = inputs.get("image", Tensor.class);
        int[] s = ImageTensors.requireImage(image);
        int x = Math.max(0, Math.min(inputs.getInt("x"), s[2] - 1));
        int y = Math.max(0, Math.min(inputs.getInt("y"), s[1] - 1));
        int width = Math.max(0, Math.min(inputs.getInt("width"), s[2] - x));
        int height = Math.max(0, Math.min(inputs.getInt("height"), s[1] - y));
        return NodeResult.of(ImageGeometry.crop(image, x, y, width, height));
    }
}
