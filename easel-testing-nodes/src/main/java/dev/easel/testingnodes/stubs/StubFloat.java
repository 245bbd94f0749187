package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

/** Passes a FLOAT through, so tests can link a FLOAT-typed output anywhere. */
public final class StubFloat implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("StubFloat")
            .displayName("Stub Float").category(StubShape.CATEGORY)
            .required("value", "FLOAT", "default", 0.0, "min", -1.0e38, "max", 1.0e38, "step", 0.01)
            .output("FLOAT").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("value"));
    }
}
