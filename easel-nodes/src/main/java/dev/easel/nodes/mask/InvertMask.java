package dev.easel.nodes.mask;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

/** 1 - mask. */
public final class InvertMask extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("InvertMask")
            .v3()
            .displayName("Invert Mask")
            .searchAliases("reverse mask", "flip mask")
            .category("image/mask")
            .pythonModule("comfy_extras.nodes_mask")
            .required("mask", "MASK")
            .output("MASK")
            .build();

    public InvertMask() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor mask = inputs.get("mask", Tensor.class);
        float[] src = mask.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) out[i] = 1f - src[i];
        return NodeResult.of(Tensor.of(out, mask.shape()));
    }
}
