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

import java.util.Arrays;

/**
 * Joins two image batches. An RGB side gains an opaque alpha channel to match an RGBA one;
 * the second batch is resized (bilinear, centre crop) to the first one's size.
 */
public final class ImageBatch extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ImageBatch")
            .displayName("Batch Images (DEPRECATED)")
            .category("image/batch")
            .deprecated()
            .searchAliases("combine images", "merge images", "stack images")
            .required("image1", "IMAGE")
            .required("image2", "IMAGE")
            .output("IMAGE")
            .build();

    public ImageBatch() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor image1 = inputs.get("image1", Tensor.class);
        Tensor image2 = inputs.get("image2", Tensor.class);
        int c1 = ImageTensors.requireImage(image1)[3], c2 = ImageTensors.requireImage(image2)[3];
        if (c1 > c2) image2 = addOpaqueChannel(image2);
        if (c2 > c1) image1 = addOpaqueChannel(image1);
        int[] s1 = image1.shape(), s2 = image2.shape();
        if (!Arrays.equals(Arrays.copyOfRange(s1, 1, 4), Arrays.copyOfRange(s2, 1, 4))) {
            image2 = Resize.resize(image2, s1[2], s1[1], ResizeMethod.BILINEAR, CropMode.CENTER, ctx::checkInterrupted);
        }
        return NodeResult.of(Tensor.cat0(image1, image2));
    }

    private static Tensor addOpaqueChannel(Tensor image) {
        int[] s = image.shape();
        int c = s[3];
        int pixels = s[0] * s[1] * s[2];
        float[] src = image.data();
        float[] out = new float[pixels * (c + 1)];
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(src, p * c, out, p * (c + 1), c);
            out[p * (c + 1) + c] = 1f;
        }
        return Tensor.of(out, s[0], s[1], s[2], c + 1);
    }
}
