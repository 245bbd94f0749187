package dev.easel.nodes.mask;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

/** A mask as a grey RGB image: the value copied to all three channels. */
public final class MaskToImage extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("MaskToImage")
            .v3()
            .displayName("Convert Mask to Image")
            .searchAliases("convert mask")
            .category("image/mask")
            .pythonModule("comfy_extras.nodes_mask")
            .required("mask", "MASK")
            .output("IMAGE")
            .build();

    public MaskToImage() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor mask = Masks.batched(inputs.get("mask", Tensor.class));
        float[] src = mask.data();
        float[] out = new float[src.length * 3];
        for (int i = 0; i < src.length; i++) {
            out[i * 3] = src[i];
            out[i * 3 + 1] = src[i];
            out[i * 3 + 2] = src[i];
        }
        return NodeResult.of(Tensor.of(out, mask.dim(0), mask.dim(1), mask.dim(2), 3));
    }
}
