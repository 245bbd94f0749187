package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.sample.SamplingContext;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every sampler × scheduler ComfyUI could run on the toy problem ends where ComfyUI's ended. The
 * sigmas are ComfyUI's own (so this checks the update rules alone), the start is the recorded
 * noise scaled as KSAMPLER does, and ancestral noise replays ComfyUI's generator draws.
 *
 * <p>Tolerance: max(1e-4, 10·d), d being how far ComfyUI's own float64 run of the same case lands
 * from its float32 run. That is the spread rounding alone produces; a port that keeps float32 but
 * orders or fuses operations differently stays well inside it, while a wrong coefficient, a
 * missed step or a wrong noise draw moves the result by 1e-2 or more on this problem.
 */
class SamplerReferenceTest {
    static final String FILE = "samplers.json";
    private static final double BASE_TOLERANCE = 1e-4;

    static Stream<Arguments> results() {
        return ReferenceFile.cases(FILE, c -> c.has("x")).stream()
                .map(c -> Arguments.of(c.get("sampler").asText() + "/" + c.get("scheduler").asText() + "/" + c.get("steps").asInt(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void finalLatentMatchesComfyUi(String label, JsonNode reference) {
        Tensor out = run(reference, ToyProblem.unguided(), StepListener.NONE);
        VersionDifferences.assertAgainst(out.data(), ReferenceFile.floats(reference.get("x")), tolerance(reference), reference, label);
    }

    static double tolerance(JsonNode reference) {
        JsonNode spread = reference.get("float64_max_abs_diff");
        return spread == null || spread.isNull() ? BASE_TOLERANCE : Math.max(BASE_TOLERANCE, 10 * spread.asDouble());
    }

    /** Runs the Easel sampler of a reference case from ComfyUI's starting point with ComfyUI's sigmas. */
    static Tensor run(JsonNode reference, Denoiser model, StepListener listener) {
        JsonNode file = ReferenceFile.load(FILE);
        String name = reference.get("sampler").asText();
        Sampler sampler = Sampler.byWireName(name).orElseThrow(() -> new AssertionError("Easel has no sampler " + name));
        // ComfyUI's sigmas are float32; their exact values matter where a sampler compares them (sa_solver's noise interval)
        float[] stored = ReferenceFile.floats(reference.get("sigmas"));
        double[] sigmas = new double[stored.length];
        for (int i = 0; i < stored.length; i++) sigmas[i] = stored[i];
        Tensor noise = Tensor.of(ReferenceFile.floats(file.get("noise")), ToyProblem.SHAPE);
        Tensor start = DiscreteSampling.eps().noiseScaling(sigmas[0], noise, Tensor.zeros(ToyProblem.SHAPE),
                reference.get("max_denoise").asBoolean());
        List<float[]> draws = new ArrayList<>();
        file.get("generator_draws").forEach(d -> draws.add(ReferenceFile.floats(d)));
        return sampler.sample(model, start, sigmas, new SamplingContext(new ReplayedNoise(draws), listener));
    }
}
