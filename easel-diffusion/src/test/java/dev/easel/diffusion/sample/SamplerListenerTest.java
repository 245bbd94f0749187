package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class SamplerListenerTest {
    private static final GaussianOracle ORACLE = new GaussianOracle(0.5, 0.25);
    private static final double[] SIGMAS = Schedules.karras(6, 0.03, 14.6, true);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Sampler.class, mode = EnumSource.Mode.EXCLUDE, names = {"DPM_FAST", "DPM_ADAPTIVE"})
    void hearsEveryStepOnceInOrder(Sampler sampler) {
        List<StepListener.Step> steps = record(sampler);
        assertThat(steps).extracting(StepListener.Step::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(steps).extracting(StepListener.Step::total).containsOnly(6);
        assertThat(steps).extracting(StepListener.Step::sigma)
                .containsExactlyElementsOf(IntStream.range(0, 6).mapToObj(i -> SIGMAS[i]).toList());
        assertThat(steps).extracting(StepListener.Step::sigmaNext)
                .containsExactlyElementsOf(IntStream.range(1, 7).mapToObj(i -> SIGMAS[i]).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Sampler.class, mode = EnumSource.Mode.EXCLUDE, names = {"DPM_FAST", "DPM_ADAPTIVE", "UNI_PC", "UNI_PC_BH2"})
    void stepCarriesTheDenoisedEstimateOfItsStart(Sampler sampler) {
        for (StepListener.Step step : record(sampler)) {
            Tensor expected = ORACLE.denoise(step.x(), step.sigma());
            for (int i = 0; i < expected.size(); i++) assertThat(step.denoised().data()[i]).isCloseTo(expected.data()[i], offset(1e-6f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Sampler.class, names = {"UNI_PC", "UNI_PC_BH2"})
    void uniPcStepCarriesTheEstimateOfItsLatestEvaluation(Sampler sampler) {
        // UniPC evaluates the model at the point it stepped to; its first step, at the start.
        List<StepListener.Step> steps = record(sampler);
        Tensor first = ORACLE.denoise(start(), SIGMAS[0]);
        for (int i = 0; i < first.size(); i++) assertThat(steps.get(0).denoised().data()[i]).isCloseTo(first.data()[i], offset(1e-5f));
    }

    @Test
    void dpmFastHearsEachSolverStep() {
        // Six evaluations: 6/3 + 1 = 3 solver steps, of orders 3, 2 and 1.
        List<StepListener.Step> steps = record(Sampler.DPM_FAST);
        assertThat(steps).extracting(StepListener.Step::index).containsExactly(0, 1, 2);
        assertThat(steps).extracting(StepListener.Step::total).containsOnly(6);
        assertThat(steps.get(0).sigma()).isCloseTo(SIGMAS[0], offset(1e-9));
    }

    @Test
    void dpmAdaptiveHearsEveryAttemptWithConsecutiveIndices() {
        List<StepListener.Step> steps = record(Sampler.DPM_ADAPTIVE);
        assertThat(steps).isNotEmpty();
        assertThat(steps).extracting(StepListener.Step::index)
                .containsExactlyElementsOf(IntStream.range(0, steps.size()).boxed().toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sampler.class)
    void listenerExceptionStopsSampling(Sampler sampler) {
        RuntimeException interrupt = new RuntimeException("interrupted");
        int[] evaluations = {0};
        Denoiser counting = (x, sigma) -> {
            evaluations[0]++;
            return ORACLE.predict(x, sigma);
        };
        StepListener failing = step -> {
            throw interrupt;
        };
        assertThatThrownBy(() -> sampler.sample(counting, start(), SIGMAS, new SamplingContext(new SeededNoise(3), failing)))
                .isSameAs(interrupt);
        // The listener hears the first step after its first evaluation (the adaptive solver's after three).
        assertThat(evaluations[0]).isLessThanOrEqualTo(3);
    }

    private static Tensor start() {
        return ORACLE.noisedSample(new SeededNoise(1), new int[]{1, 2, 3, 3}, SIGMAS[0]);
    }

    private static List<StepListener.Step> record(Sampler sampler) {
        List<StepListener.Step> steps = new ArrayList<>();
        sampler.sample(ORACLE, start(), SIGMAS, new SamplingContext(new SeededNoise(3), steps::add));
        return steps;
    }
}
