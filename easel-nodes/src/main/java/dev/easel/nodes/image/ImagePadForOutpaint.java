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
 * Grows the canvas by the given margins (new area grey 0.5) and returns a mask [1,H,W] that is
 * 1 on the new area and 0 on the original, with a quadratic ramp of {@code feathering} pixels
 * inside the original along the padded sides.
 */
public final class ImagePadForOutpaint extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ImagePadForOutpaint")
            .displayName("Pad Image for Outpainting")
            .category("image/transform")
            .searchAliases("extend canvas", "expand image")
            .required("image", "IMAGE")
            .required("left", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("top", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("right", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("bottom", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("feathering", "INT", "default", 40, "min", 0, "max", Resolution.MAX, "step", 1, "advanced", true)
            .output("IMAGE")
            .output("MASK")
            .build();

    public ImagePadForOutpaint() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image = inputs.get("image", Tensor.class);
        int[] s = ImageTensors.requireImage(image);
        int left = inputs.getInt("left"), top = inputs.getInt("top");
        int right = inputs.getInt("right"), bottom = inputs.getInt("bottom");
        int feathering = inputs.getInt("feathering");
        Tensor padded = ImageGeometry.pad(image, left, top, right, bottom, 0.5f);
        int h = s[1], w = s[2];
        int newH = h + top + bottom, newW = w + left + right;
        float[] mask = new float[newH * newW];
        java.util.Arrays.fill(mask, 1f);
        boolean feather = feathering > 0 && feathering * 2 < h && feathering * 2 < w;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                float value = 0f;
                if (feather) {
                    int dt = top != 0 ? i : h, db = bottom != 0 ? h - i : h;
                    int dl = left != 0 ? j : w, dr = right != 0 ? w - j : w;
                    int d = Math.min(Math.min(dt, db), Math.min(dl, dr));
                    if (d < feathering) {
                        double v = (double) (feathering - d) / feathering;
                        value = (float) (v * v);
                    }
                }
                mask[(top + i) * newW + left + j] = value;
            }
        }
        return NodeResult.of(padded, Tensor.of(mask, 1, newH, newW));
    }
}
