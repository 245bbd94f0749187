package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.diffusion.noise.GeneratorNoise;
import dev.easel.diffusion.noise.LatentNoise;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Easel's initial noise is ComfyUI's {@code prepare_noise} bit for bit, as an x86-64 machine with
 * AVX2 computes it (torch's vectorised randn kernel; the file also holds the scalar kernel's
 * values, which differ in the last bit of many elements, to tell the two apart on failure).
 */
class NoiseReferenceTest {
    private static final String FILE = "noise.json";
    /** Far below one float32 ulp of any element's contribution, far above float64 summation-order noise. */
    private static final double SUM_TOLERANCE = 1e-9;

    static Stream<Arguments> vectorized() {
        return ReferenceFile.cases(FILE, c -> c.get("kernel").asText().equals("vectorized")).stream()
                .map(c -> Arguments.of("seed " + c.get("seed").asText() + " shape " + c.get("shape") + " batch_index " + c.get("batch_index"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorized")
    void prepareNoiseMatchesComfyUiBitForBit(String label, JsonNode reference) {
        Tensor noise = LatentNoise.prepare(reference.get("seed").asLong(), ReferenceFile.ints(reference.get("shape")), batchIndex(reference));
        assertThat(noise.shape()).as(label + ": shape").containsExactly(ReferenceFile.ints(reference.get("out_shape")));
        float[] actual = noise.data();
        if (reference.has("values")) {
            assertBits(actual, ReferenceFile.floats(reference.get("values")), reference, label);
        } else {
            assertBits(Arrays.copyOf(actual, reference.get("first").size()), ReferenceFile.floats(reference.get("first")), reference, label);
            double sum = 0, squares = 0;
            for (float v : actual) {
                sum += v;
                squares += (double) v * v;
            }
            assertThat(sum).as(label + ": sum").isCloseTo(reference.get("sum").asDouble(), org.assertj.core.data.Offset.offset(SUM_TOLERANCE));
            assertThat(squares).as(label + ": sum of squares").isCloseTo(reference.get("sum_of_squares").asDouble(), org.assertj.core.data.Offset.offset(SUM_TOLERANCE));
        }
    }

    /**
     * ComfyUI's ancestral samplers draw one randn per call from a generator of their own; on the CPU,
     * ComfyUI 0.8 seeds it with the run's seed + 1 (the file records which torch seed it was).
     */
    @Test
    void generatorNoiseGivesComfyUisSuccessiveDraws() {
        JsonNode file = ReferenceFile.load(SamplerReferenceTest.FILE);
        JsonNode draws = file.get("generator_draws");
        GeneratorNoise noise = new GeneratorNoise(file.get("generator_draws_torch_seed").asLong());
        for (int i = 0; i < draws.size(); i++) {
            float[] expected = ReferenceFile.floats(draws.get(i));
            assertThat(bits(noise.next(ToyProblem.SHAPE).data())).as("draw " + i).containsExactly(bits(expected));
        }
    }

    private static Optional<List<Integer>> batchIndex(JsonNode reference) {
        JsonNode node = reference.get("batch_index");
        if (node == null || node.isNull()) return Optional.empty();
        List<Integer> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asInt()));
        return Optional.of(out);
    }

    private static void assertBits(float[] actual, float[] expected, JsonNode reference, String label) {
        int differing = 0, likeScalar = 0;
        float[] scalar = scalarValues(reference, expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                differing++;
                if (scalar != null && actual[i] == scalar[i]) likeScalar++;
            }
        }
        assertThat(bits(actual))
                .as("%s: %d of %d values differ from the vectorised kernel (%d of those equal the scalar kernel's)",
                        label, differing, expected.length, likeScalar)
                .containsExactly(bits(expected));
    }

    private static float[] scalarValues(JsonNode reference, int count) {
        for (JsonNode c : ReferenceFile.cases(FILE, c -> c.get("kernel").asText().equals("scalar"))) {
            if (c.get("seed").equals(reference.get("seed")) && c.get("shape").equals(reference.get("shape"))
                    && c.get("batch_index").equals(reference.get("batch_index")))
                return Arrays.copyOf(ReferenceFile.floats(c.has("values") ? c.get("values") : c.get("first")), count);
        }
        return null;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Float.floatToRawIntBits(values[i]);
        return out;
    }
}
