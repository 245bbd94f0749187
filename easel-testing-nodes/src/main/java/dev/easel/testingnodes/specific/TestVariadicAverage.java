package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Element-wise mean of {@code input1}, {@code input2}, ... for as long as the next name is given.
 * Only {@code input1} is declared; expansions wire the others in.
 */
public final class TestVariadicAverage implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestVariadicAverage")
            .displayName("Variadic Average").category(SpecificTests.CATEGORY)
            .required("input1", "IMAGE")
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        List<Tensor> images = new ArrayList<>();
        images.add(inputs.get("input1", Tensor.class));
        while (inputs.has("input" + (images.size() + 1))) {
            images.add(inputs.get("input" + (images.size() + 1), Tensor.class));
        }
        return NodeResult.of(mean(images));
    }

    /** Sums in double and rounds once to float32, so a mean of 0, 1, 1 is float32(2/3) exactly. */
    static Tensor mean(List<Tensor> images) {
        int[] shape = images.getFirst().shape();
        double[] sums = new double[images.getFirst().size()];
        for (Tensor image : images) {
            if (!Arrays.equals(image.shape(), shape)) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Arrays.toString(shape) + " and " + Arrays.toString(image.shape()));
            }
            float[] data = image.data();
            for (int i = 0; i < sums.length; i++) sums[i] += data[i];
        }
        float[] out = new float[sums.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (sums[i] / images.size());
        return Tensor.of(out, shape);
    }
}
