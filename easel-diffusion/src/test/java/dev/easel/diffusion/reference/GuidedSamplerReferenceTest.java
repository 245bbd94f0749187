package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sampler ComfyUI could run ends where ComfyUI's ended when the model is guided (cfg 2.5
 * between two different predictions), which is what exercises the CFG++ samplers' own use of the
 * unconditional estimate. Start, noise and tolerance as in {@link SamplerReferenceTest}.
 */
class GuidedSamplerReferenceTest {
    static final String FILE = "guided_samplers.json";
    private static final JsonNode HEADER = ReferenceFile.load(FILE);

    static Stream<Arguments> results() {
        return ReferenceFile.cases(FILE, c -> c.has("x")).stream()
                .map(c -> Arguments.of(c.get("sampler").asText() + "/" + c.get("scheduler").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void guidedFinalLatentMatchesComfyUi(String label, JsonNode reference) {
        Tensor out = SamplerReferenceTest.run(reference, ToyProblem.guided(HEADER.get("cfg").asDouble()), StepListener.NONE);
        VersionDifferences.assertAgainst(out.data(), ReferenceFile.floats(reference.get("x")), SamplerReferenceTest.tolerance(reference),
                reference, label);
    }

    @Test
    void uncondMeanIsTheOneTheReferenceUsed() {
        assertThat(ToyProblem.uncondMean()).containsExactly(ReferenceFile.floats(HEADER.get("mu_uncond")));
    }

    @Test
    void guidedRunsStartFromTheSameNoiseAsUnguidedOnes() {
        assertThat(HEADER.get("seed")).isEqualTo(ReferenceFile.load(SamplerReferenceTest.FILE).get("seed"));
        assertThat(HEADER.get("comfyui_commit")).isEqualTo(ReferenceFile.load(SamplerReferenceTest.FILE).get("comfyui_commit"));
    }
}
