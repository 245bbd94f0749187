package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

/** The constant-valued stubs: a 0..1 {@code value} after the shape inputs, filling every element. */
abstract sealed class ConstantStub implements NodeDefinition permits StubConstantImage, StubMask {
    private final NodeSchema schema;

    ConstantStub(String classType, String displayName, String outputType) {
        this.schema = StubShape.declare(TestingPackSchema.builder(classType)
                        .displayName(displayName).category(StubShape.CATEGORY)
                        .required("value", "FLOAT", "default", 0.5, "min", 0.0, "max", 1.0, "step", 0.01))
                .output(outputType).build();
    }

    /** The tensor's dimensions for the requested shape. */
    abstract int[] dims(StubShape shape);

    @Override
    public final NodeSchema schema() {
        return schema;
    }

    @Override
    public final NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Tensor.ones(dims(StubShape.of(inputs))).mul((float) inputs.getDouble("value")));
    }
}
