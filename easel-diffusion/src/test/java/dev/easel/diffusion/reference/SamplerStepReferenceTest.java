package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.diffusion.sample.StepListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the traced cases, every step's listener call carries what ComfyUI's callback carried: the
 * sample entering the step and that step's denoised estimate. A divergence shows at the first
 * step it happens, not only at the end.
 */
class SamplerStepReferenceTest {

    static Stream<Arguments> traced() {
        Stream<Arguments> unguided = ReferenceFile.cases(SamplerReferenceTest.FILE, c -> c.has("callbacks")).stream()
                .map(c -> Arguments.of(c.get("sampler").asText() + "/" + c.get("scheduler").asText(), c, ToyProblem.unguided()));
        double cfg = ReferenceFile.load(GuidedSamplerReferenceTest.FILE).get("cfg").asDouble();
        Stream<Arguments> guided = ReferenceFile.cases(GuidedSamplerReferenceTest.FILE, c -> c.has("callbacks")).stream()
                .map(c -> Arguments.of(c.get("sampler").asText() + "/" + c.get("scheduler").asText() + "/cfg " + cfg, c, ToyProblem.guided(cfg)));
        return Stream.concat(unguided, guided);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traced")
    void everyStepMatchesComfyUisCallback(String label, JsonNode reference, ToyProblem model) {
        List<StepListener.Step> steps = new ArrayList<>();
        SamplerReferenceTest.run(reference, model, steps::add);
        JsonNode callbacks = reference.get("callbacks");
        assertThat(steps).as(label + ": steps reported").hasSize(callbacks.size());
        double tolerance = SamplerReferenceTest.tolerance(reference);
        if (VersionDifferences.known(reference)) {
            JsonNode last = callbacks.get(steps.size() - 1);
            VersionDifferences.assertAgainst(steps.getLast().x().data(), ReferenceFile.floats(last.get("x")), tolerance, reference,
                    label + " last step x");
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode expected = callbacks.get(i);
            assertThat(steps.get(i).index()).as(label + ": index of step " + i).isEqualTo(expected.get("i").asInt());
            Closeness.assertWithin(steps.get(i).x().data(), ReferenceFile.floats(expected.get("x")), tolerance,
                    label + " step " + i + " x");
            Closeness.assertWithin(steps.get(i).denoised().data(), ReferenceFile.floats(expected.get("denoised")), tolerance,
                    label + " step " + i + " denoised");
        }
    }
}
