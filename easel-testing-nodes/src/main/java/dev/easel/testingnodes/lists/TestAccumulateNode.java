package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.Arrays;

/** Appends {@code to_add} to the accumulation, starting a new one when none is given. */
public final class TestAccumulateNode implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAccumulateNode")
            .displayName("Accumulate").category(Accumulation.CATEGORY)
            .required("to_add", "*")
            .optional("accumulation", Accumulation.TYPE)
            .output(Accumulation.TYPE).build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Object toAdd = inputs.get("to_add");
        return NodeResult.of(inputs.get("accumulation") instanceof Accumulation previous
                ? previous.plus(toAdd) : new Accumulation(Arrays.asList(toAdd)));
    }
}
