package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

/**
 * Scales an image. Its fingerprint is {@code value} while the image is unknown (linked inputs
 * reach a fingerprint as null), so only a change of the constant re-runs it.
 */
public final class TestIsChangedWithConstants implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestIsChangedWithConstants")
            .displayName("IsChanged With Constants").category(SpecificTests.CATEGORY)
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

    @Override
    public Object fingerprint(Inputs constants) {
        Object value = constants.get("value");
        if (constants.get("image") instanceof Tensor image && value instanceof Number n) {
            return (double) image.mean() * n.doubleValue();
        }
        return value;
    }

    @Override
    public boolean hasFingerprint() {
        return true;
    }
}
