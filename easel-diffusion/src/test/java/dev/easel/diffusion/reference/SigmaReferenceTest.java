package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.diffusion.schedule.SigmaPlan;
import dev.easel.diffusion.sample.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Easel's σ table and schedules are ComfyUI's for SD1.5 (eps), to float32 precision: relative
 * 1e-6 is a few float32 ulps, far under what a formula difference moves (a different rounding
 * of a timestep, or a neighbouring table entry, is 1e-3 or more); a final 0 must be exactly 0.
 */
class SigmaReferenceTest {
    private static final String FILE = "sigmas.json";
    private static final double RELATIVE = 1e-6;

    static Stream<Arguments> schedules() {
        return ReferenceFile.cases(FILE, c -> c.get("kind").asText().equals("scheduler")).stream()
                .map(c -> Arguments.of(c.get("scheduler").asText() + "/" + c.get("steps").asInt(), c));
    }

    static Stream<Arguments> plans() {
        return ReferenceFile.cases(FILE, c -> c.get("kind").asText().equals("ksampler")).stream()
                .map(c -> Arguments.of(c.get("sampler").asText() + "/" + c.get("scheduler").asText() + "/" + c.get("steps").asInt()
                        + "/denoise " + c.get("denoise").asDouble(), c));
    }

    @Test
    void sigmaTableIsComfyUis() {
        JsonNode table = ReferenceFile.cases(FILE, c -> c.get("kind").asText().equals("sigma_table")).get(0);
        assertRelative(DiscreteSampling.eps().sigmaTable(), ReferenceFile.doubles(table.get("sigmas")), "sigma table");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void schedulerMatchesComfyUisCalculateSigmas(String label, JsonNode reference) {
        Scheduler scheduler = Scheduler.byWireName(reference.get("scheduler").asText()).orElseThrow();
        assertRelative(scheduler.sigmas(DiscreteSampling.eps(), reference.get("steps").asInt()),
                ReferenceFile.doubles(reference.get("sigmas")), label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void sigmaPlanMatchesKSamplersSigmas(String label, JsonNode reference) {
        Scheduler scheduler = Scheduler.byWireName(reference.get("scheduler").asText()).orElseThrow();
        Sampler sampler = Sampler.byWireName(reference.get("sampler").asText()).orElseThrow();
        assertThat(sampler.discardsPenultimateSigma()).as(label + ": discard-penultimate rule").isEqualTo(reference.get("discard_penultimate").asBoolean());
        double[] plan = SigmaPlan.forSteps(DiscreteSampling.eps(), scheduler, reference.get("steps").asInt(),
                reference.get("denoise").asDouble(), sampler.discardsPenultimateSigma());
        assertRelative(plan, ReferenceFile.doubles(reference.get("sigmas")), label);
    }

    private static void assertRelative(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what + ": length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("%s: sigma %d (comfyui NaN)", what, i).isNaN();
                continue;
            }
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s: sigma %d (easel %s, comfyui %s)", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(expected[i]));
        }
    }
}
