package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;

/**
 * Passes the image through; its fingerprint is NaN when {@code should_change} is set, which
 * never equals itself, so the node re-runs on every prompt. The type is "BOOL" (not BOOLEAN) on
 * purpose: a non-primitive type keeps its literal unconverted.
 */
public final class TestCustomIsChanged implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestCustomIsChanged")
            .displayName("Custom IsChanged").category(SpecificTests.CATEGORY)
            .required("image", "IMAGE")
            .optional("should_change", "BOOL", "default", false)
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("image"));
    }

    @Override
    public Object fingerprint(Inputs constants) {
        return PythonTruth.of(constants.get("should_change")) ? (Object) Double.NaN : Boolean.FALSE;
    }

    @Override
    public boolean hasFingerprint() {
        return true;
    }
}
