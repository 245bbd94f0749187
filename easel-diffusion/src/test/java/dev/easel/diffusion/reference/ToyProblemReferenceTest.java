package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.diffusion.sample.Sampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java side of the toy problem is the one ComfyUI ran, and the reference covers what it claims. */
class ToyProblemReferenceTest {
    private static final JsonNode FILE = ReferenceFile.load(SamplerReferenceTest.FILE);

    @Test
    void meanIsTheOneTheReferenceUsed() {
        assertThat(ToyProblem.mean()).containsExactly(ReferenceFile.floats(FILE.get("mu")));
    }

    @Test
    void everyComfyUiSamplerNameIsAnEaselSampler() {
        List<String> missing = new ArrayList<>();
        FILE.get("samplers").forEach(n -> { if (Sampler.byWireName(n.asText()).isEmpty()) missing.add(n.asText()); });
        assertThat(missing).isEmpty();
    }

    /** The only gaps: torchsde's Brownian tree (absent), and sa_solver's own singular solve on linear_quadratic. */
    @Test
    void onlyBrownianTreeSamplersAndSaSolverOnLinearQuadraticLackAResult() {
        Set<String> failed = new TreeSet<>();
        FILE.get("cases").forEach(c -> { if (c.has("error")) failed.add(c.get("sampler").asText() + "/" + c.get("scheduler").asText()); });
        Set<String> expected = new TreeSet<>();
        for (String s : List.of("dpmpp_sde", "dpmpp_sde_gpu", "dpmpp_2m_sde", "dpmpp_2m_sde_gpu", "dpmpp_2m_sde_heun",
                "dpmpp_2m_sde_heun_gpu", "dpmpp_3m_sde", "dpmpp_3m_sde_gpu"))
            FILE.get("schedulers").forEach(sch -> expected.add(s + "/" + sch.asText()));
        expected.add("sa_solver/linear_quadratic");
        expected.add("sa_solver_pece/linear_quadratic");
        assertThat(failed).isEqualTo(expected);
    }
}
