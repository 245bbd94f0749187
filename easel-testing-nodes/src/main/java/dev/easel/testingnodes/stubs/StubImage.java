package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A white, black or uniform-noise RGB image. */
public final class StubImage implements NodeDefinition {
    private static final NodeSchema SCHEMA = StubShape.declare(TestingPackSchema.builder("StubImage")
                    .displayName("Stub Image").category(StubShape.CATEGORY)
                    .requiredCombo("content", List.of("WHITE", "BLACK", "NOISE")))
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        StubShape shape = StubShape.of(inputs);
        int[] dims = {shape.batch(), shape.height(), shape.width(), 3};
        Tensor image = switch (inputs.getString("content")) {
            case "WHITE" -> Tensor.ones(dims);
            case "BLACK" -> Tensor.zeros(dims);
            case "NOISE" -> noise(dims);
            default -> throw new IllegalArgumentException("unknown content " + inputs.getString("content"));
        };
        return NodeResult.of(image);
    }

    private static Tensor noise(int[] dims) {
        Tensor t = Tensor.zeros(dims);
        float[] data = t.data();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < data.length; i++) data[i] = random.nextFloat();
        return t;
    }
}
