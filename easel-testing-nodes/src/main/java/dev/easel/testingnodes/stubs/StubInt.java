package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Passes an INT through, so tests can link an INT-typed output anywhere. */
public final class StubInt implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("StubInt")
            .displayName("Stub Int").category(StubShape.CATEGORY)
            .required("value", "INT", "default", 0, "min", -0xffffffffL, "max", 0xffffffffL, "step", 1)
            .output("INT").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("value"));
    }
}
