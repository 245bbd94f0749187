package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

/** An output node that also feeds a socket: the image scaled by {@code value}. */
public final class TestOutputNodeWithSocketOutput implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestOutputNodeWithSocketOutput")
            .displayName("Test Output Node With Socket Output").category(SpecificTests.FOR_TESTING)
            .outputNode()
            .required("image", "IMAGE")
            .required("value", "FLOAT", "default", 1.0, "min", 0.0, "max", 10.0)
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("image", Tensor.class).mul((float) inputs.getDouble("value")));
    }
}
