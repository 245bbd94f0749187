package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

/** An RGB image whose every element is {@code value}. */
public final class StubConstantImage implements NodeDefinition {
    private static final NodeSchema SCHEMA = StubShape.declare(TestingPackSchema.builder("StubConstantImage")
                    .displayName("Stub Constant Image").category(StubShape.CATEGORY)
                    .required("value", "FLOAT", "default", 0.5, "min", 0.0, "max", 1.0, "step", 0.01))
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        StubShape shape = StubShape.of(inputs);
        return NodeResult.of(Tensor.ones(shape.batch(), shape.height(), shape.width(), 3)
                .mul((float) inputs.getDouble("value")));
    }
}
