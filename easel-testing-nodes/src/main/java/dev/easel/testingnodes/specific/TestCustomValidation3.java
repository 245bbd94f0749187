package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

/**
 * Like {@link TestCustomValidation1} without a validation of its own: ComfyUI wraps it in
 * VariantSupport, whose union-type and {@code *} matching the engine's link type check already
 * applies, so only the declared types matter here.
 */
public final class TestCustomValidation3 implements NodeDefinition {
    private static final NodeSchema SCHEMA =
            ImageOrFloat.schema("TestCustomValidation3", "Custom Validation 3").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(ImageOrFloat.product(inputs.get("input1"), inputs.get("input2")));
    }
}
