package dev.easel.nodes.conditioning;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

/** The same conditioning with its hidden states and pooled output set to zeros (area and strength kept). */
public final class ConditioningZeroOut extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ConditioningZeroOut")
            .displayName("Conditioning Zero Out")
            .category("model/conditioning/transform")
            .searchAliases("null conditioning", "clear conditioning")
            .required("conditioning", "CONDITIONING")
            .output("CONDITIONING")
            .build();

    public ConditioningZeroOut() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("conditioning", Conditioning.class).map(e -> e.withTensors(
                Tensor.zeros(e.crossAttn().shape()), e.pooled().map(p -> Tensor.zeros(p.shape())))));
    }
}
