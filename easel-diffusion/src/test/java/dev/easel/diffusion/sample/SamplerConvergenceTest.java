package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deterministic samplers on the Gaussian oracle, whose ODE has a closed-form solution: the error
 * against it at 20, 40 and 80 Karras steps (σ from 10 down to 0.1, not ending in 0, so every
 * step is a regular one) must shrink at the method's order, measured between 40 and 80 steps.
 */
class SamplerConvergenceTest {
    private static final GaussianOracle ORACLE = new GaussianOracle(0.5, 0.25);
    private static final double SIGMA_MIN = 0.1, SIGMA_MAX = 10;

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of(Sampler.EULER, 1.0, 1.0),
                // With an unguided denoiser the CFG++ step is the DDIM step: first order.
                Arguments.of(Sampler.EULER_CFG_PP, 1.0, 1.0),
                Arguments.of(Sampler.DDIM, 1.0, 1.0),
                Arguments.of(Sampler.HEUN, 2.0, 2.0),
                // Heun++ weights its derivatives by σ/σ₀, not by the step: consistent but first order.
                Arguments.of(Sampler.HEUNPP2, 1.0, 1.0),
                Arguments.of(Sampler.EXP_HEUN_2_X0, 2.0, 2.0),
                Arguments.of(Sampler.DPM_2, 2.0, 2.0),
                // Fourth order once its history is full; the lower-order start costs a little.
                Arguments.of(Sampler.LMS, 3.3, 4.0),
                Arguments.of(Sampler.DPMPP_2M, 2.0, 2.0),
                Arguments.of(Sampler.DPMPP_2M_CFG_PP, 2.0, 2.0),
                // Fixed equal-step Adams–Bashforth coefficients on an unequal grid leave second order.
                Arguments.of(Sampler.IPNDM, 2.0, 2.0),
                Arguments.of(Sampler.DEIS, 3.0, 3.0),
                Arguments.of(Sampler.RES_MULTISTEP, 2.0, 2.0),
                Arguments.of(Sampler.RES_MULTISTEP_CFG_PP, 2.0, 2.0),
                // The correction term extrapolates with equal-step weights: first order on this grid.
                Arguments.of(Sampler.GRADIENT_ESTIMATION, 0.8, 1.0),
                Arguments.of(Sampler.GRADIENT_ESTIMATION_CFG_PP, 0.8, 1.0),
                // The last UniPC update runs at first order without corrector: second order overall.
                Arguments.of(Sampler.UNI_PC, 2.0, 2.0),
                Arguments.of(Sampler.UNI_PC_BH2, 2.0, 2.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void convergesAtItsOrderOnKarrasSteps(Sampler sampler, double lowest, double expected) {
        double e20 = error(sampler, Schedules.karras(21, SIGMA_MIN, SIGMA_MAX, false));
        double e40 = error(sampler, Schedules.karras(41, SIGMA_MIN, SIGMA_MAX, false));
        double e80 = error(sampler, Schedules.karras(81, SIGMA_MIN, SIGMA_MAX, false));
        double observed = Math.log(e40 / e80) / Math.log(2);
        assertThat(e80).isLessThan(e40).isLessThan(e20);
        assertThat(observed).isBetween(Math.min(lowest, expected) - 0.25, expected + 0.5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void convergesAtItsOrderOnExponentialSteps(Sampler sampler, double lowest, double expected) {
        double e24 = error(sampler, Schedules.exponential(25, SIGMA_MIN, SIGMA_MAX, false));
        double e48 = error(sampler, Schedules.exponential(49, SIGMA_MIN, SIGMA_MAX, false));
        double e96 = error(sampler, Schedules.exponential(97, SIGMA_MIN, SIGMA_MAX, false));
        double observed = Math.log(e48 / e96) / Math.log(2);
        assertThat(e96).isLessThan(e48).isLessThan(e24);
        assertThat(observed).isBetween(Math.min(lowest, expected) - 0.25, expected + 0.5);
    }

    @org.junit.jupiter.api.Test
    void dpmFastConvergesAtSecondOrderInItsEvaluationBudget() {
        // Third-order steps, but the budget's last step is first order: second order overall.
        double e24 = error(Sampler.DPM_FAST, Schedules.karras(25, SIGMA_MIN, SIGMA_MAX, false));
        double e48 = error(Sampler.DPM_FAST, Schedules.karras(49, SIGMA_MIN, SIGMA_MAX, false));
        double e96 = error(Sampler.DPM_FAST, Schedules.karras(97, SIGMA_MIN, SIGMA_MAX, false));
        assertThat(e96).isLessThan(e48).isLessThan(e24);
        assertThat(Math.log(e48 / e96) / Math.log(2)).isBetween(1.75, 2.5);
    }

    @org.junit.jupiter.api.Test
    void ipndmVariableConvergesOnEqualSteps() {
        double e20 = error(Sampler.IPNDM_V, linear(21));
        double e40 = error(Sampler.IPNDM_V, linear(41));
        double e80 = error(Sampler.IPNDM_V, linear(81));
        assertThat(e80).isLessThan(e40).isLessThan(e20);
        assertThat(Math.log(e40 / e80) / Math.log(2)).isBetween(1.75, 4.5);
    }

    @org.junit.jupiter.api.Test
    void ipndmVariableEqualsIpndmOnEqualStepsUpToThirdOrder() {
        // Its variable-step coefficients reduce to Adams–Bashforth's up to order 3 (ComfyUI's
        // order-4 variable formula does not reduce to AB4, so only three steps are compared).
        double[] sigmas = linear(4);
        Tensor start = start(sigmas[0]);
        Tensor fixed = Sampler.IPNDM.sample(ORACLE, start, sigmas, quiet());
        Tensor variable = Sampler.IPNDM_V.sample(ORACLE, start, sigmas, quiet());
        for (int i = 0; i < fixed.size(); i++) assertThat(variable.data()[i]).isCloseTo(fixed.data()[i], org.assertj.core.data.Offset.offset(1e-5f));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "pece {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void saSolverWithoutNoiseConvergesAtItsAdamsOrder(boolean pece) {
        // With an empty noise interval SA-Solver is a deterministic Adams predictor (order 3) –
        // corrector (order 4) in λ; the lower-order start keeps it somewhat below 4.
        SaSolver deterministic = new SaSolver(pece, 0, 0);
        double e20 = error(deterministic, Schedules.karras(21, SIGMA_MIN, SIGMA_MAX, false));
        double e40 = error(deterministic, Schedules.karras(41, SIGMA_MIN, SIGMA_MAX, false));
        double e80 = error(deterministic, Schedules.karras(81, SIGMA_MIN, SIGMA_MAX, false));
        assertThat(e80).isLessThan(e40).isLessThan(e20);
        assertThat(Math.log(e40 / e80) / Math.log(2)).isBetween(3.3, 4.5);
    }

    @org.junit.jupiter.api.Test
    void dpmAdaptiveReachesTheSolutionWithinItsTolerance() {
        assertThat(error(Sampler.DPM_ADAPTIVE, Schedules.karras(11, SIGMA_MIN, SIGMA_MAX, false))).isLessThan(0.1);
    }

    @org.junit.jupiter.api.Test
    void dpmAdaptiveUsesOnlyTheEndpointsOfTheSchedule() {
        double[] few = Schedules.karras(6, SIGMA_MIN, SIGMA_MAX, false);
        double[] many = Schedules.karras(40, SIGMA_MIN, SIGMA_MAX, false);
        Tensor start = start(SIGMA_MAX);
        assertThat(Sampler.DPM_ADAPTIVE.sample(ORACLE, start, few, quiet()).data())
                .containsExactly(Sampler.DPM_ADAPTIVE.sample(ORACLE, start, many, quiet()).data());
    }

    private static double[] linear(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = SIGMA_MAX + (SIGMA_MIN - SIGMA_MAX) * i / (n - 1);
        return s;
    }

    private static Tensor start(double sigma) {
        return ORACLE.noisedSample(new SeededNoise(1), new int[]{1, 4, 8, 8}, sigma);
    }

    private static SamplingContext quiet() {
        return new SamplingContext(new SeededNoise(2), StepListener.NONE);
    }

    /** The largest deviation from the exact ODE solution at the last sigma. */
    private static double error(Sampler sampler, double[] sigmas) {
        return error((model, x, s, ctx) -> sampler.sample(model, x, s, ctx), sigmas);
    }

    private static double error(SamplerAlgorithm sampler, double[] sigmas) {
        Tensor start = start(sigmas[0]);
        Tensor out = sampler.sample(ORACLE, start, sigmas, quiet());
        double[] exact = ORACLE.exact(start, sigmas[0], sigmas[sigmas.length - 1]);
        double worst = 0;
        for (int i = 0; i < exact.length; i++) worst = Math.max(worst, Math.abs(out.data()[i] - exact[i]));
        return worst;
    }
}
