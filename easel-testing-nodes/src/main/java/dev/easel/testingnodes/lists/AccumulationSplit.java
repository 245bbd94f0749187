package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** The head and tail nodes: one accumulation in, the rest and the item split off out. */
abstract sealed class AccumulationSplit implements NodeDefinition
        permits TestAccumulationHeadNode, TestAccumulationTailNode {
    private final NodeSchema schema;

    AccumulationSplit(String classType, String displayName) {
        this.schema = TestingPackSchema.builder(classType)
                .displayName(displayName).category(Accumulation.CATEGORY)
                .required("accumulation", Accumulation.TYPE)
                .output(Accumulation.TYPE).output("*").build();
    }

    /** The two outputs for an accumulation of {@code size} items. */
    abstract NodeResult split(Accumulation accumulation, int size);

    @Override
    public final NodeSchema schema() {
        return schema;
    }

    @Override
    public final NodeResult execute(NodeContext ctx, Inputs inputs) {
        Accumulation accumulation = inputs.get("accumulation", Accumulation.class);
        return split(accumulation, accumulation.items().size());
    }
}
