package dev.easel.nodes.conditioning;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

/** Both conditionings, applied together (the first one's entries, then the second's). */
public final class ConditioningCombine extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ConditioningCombine")
            .displayName("Conditioning (Combine)")
            .category("model/conditioning/transform")
            .essentialsCategory("Image Generation")
            .searchAliases("combine", "merge conditioning", "combine prompts", "merge prompts", "mix prompts", "add prompt")
            .required("conditioning_1", "CONDITIONING")
            .required("conditioning_2", "CONDITIONING")
            .output("CONDITIONING")
            .build();

    public ConditioningCombine() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("conditioning_1", Conditioning.class)
                .combine(inputs.get("conditioning_2", Conditioning.class)));
    }
}
