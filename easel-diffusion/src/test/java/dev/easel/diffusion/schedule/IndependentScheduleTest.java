package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.FlowSampling;
import dev.easel.diffusion.model.ModelSampling;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * beta, linear_quadratic and kl_optimal checked against computations written here from the
 * formulas alone: the Beta(0.6, 0.6) quantile by bisection on a hypergeometric series of the
 * incomplete beta function, the Mochi schedule by hand, and kl_optimal in double precision.
 */
class IndependentScheduleTest {
    private static final ModelSampling SD15 = DiscreteSampling.eps();
    private static final double A = 0.6;

    /** I_x(a, a) for x ≤ ½: x^a (1−x)^a / a · Σ (2a)_n/(a+1)_n xⁿ, normalised so that I_½ = ½. */
    private static double unnormalised(double x) {
        double term = 1, sum = 1;
        for (int n = 0; n < 2000 && term > 1e-18 * sum; n++) {
            term *= (2 * A + n) / (A + 1 + n) * x;
            sum += term;
        }
        return Math.pow(x, A) * Math.pow(1 - x, A) / A * sum;
    }

    private static double cdf(double x) {
        double half = unnormalised(0.5);
        return x <= 0.5 ? 0.5 * unnormalised(x) / half : 1 - 0.5 * unnormalised(1 - x) / half;
    }

    /** By bisection; the median of a symmetric distribution is ½ exactly, which bisection only approaches. */
    private static double quantile(double p) {
        if (p == 0.5) return 0.5;
        double lo = 0, hi = 1;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) lo = mid; else hi = mid;
        }
        return hi;
    }

    private static double[] betaBySeries(int steps) {
        double[] table = SD15.sigmaTable();
        List<Double> out = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i < steps; i++) {
            // numpy's rint: halves go to the even neighbour (the median's 499.5 becomes 500).
            long t = (long) Math.rint(quantile(1 - (double) i / steps) * 999);
            if (t != previous) out.add(table[(int) t]);
            previous = t;
        }
        out.add(0.0);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void betaPicksTheTableEntriesAtTheBetaQuantiles() {
        for (int steps : new int[]{1, 2, 5, 10, 30, 77}) {
            assertThat(Scheduler.BETA.sigmas(SD15, steps)).as("%d steps", steps).containsExactly(betaBySeries(steps));
        }
    }

    @Test
    void linearQuadraticForFourStepsOfAFlowModel() {
        // ⌊4/2⌋ = 2 linear steps: 0, 0.0125; quadratic: c₂ = 1.9/8, c₁ = 0.0125 − 3.8/4, c₀ = 4·c₂,
        // giving 0.025 and 0.275; then 1. The schedule is 1 − x (σ_max = 1).
        double[] sigmas = Scheduler.LINEAR_QUADRATIC.sigmas(FlowSampling.sd3(3.0), 4);
        assertThat(sigmas).hasSize(5);
        double[] expected = {1, 0.9875, 0.975, 0.725, 0};
        for (int i = 0; i < 5; i++) assertThat(sigmas[i]).isCloseTo(expected[i], within(1e-7));
    }

    @Test
    void linearQuadraticWithOneStepIsSigmaMaxThenZero() {
        assertThat(Scheduler.LINEAR_QUADRATIC.sigmas(SD15, 1)).containsExactly(SD15.sigmaMax(), 0.0);
    }

    @Test
    void klOptimalInterpolatesTheArctangentsOfTheSigmaBounds() {
        for (int steps : new int[]{2, 10, 25}) {
            double[] sigmas = Scheduler.KL_OPTIMAL.sigmas(SD15, steps);
            assertThat(sigmas).hasSize(steps + 1);
            for (int i = 0; i < steps; i++) {
                double a = (double) i / (steps - 1);
                double expected = Math.tan(a * Math.atan(SD15.sigmaMin()) + (1 - a) * Math.atan(SD15.sigmaMax()));
                assertThat(sigmas[i]).isCloseTo(expected, within(2e-6 * expected));
            }
            assertThat(sigmas[steps]).isZero();
        }
    }

    @Test
    void klOptimalWithOneStepIsNaNAsInComfyUI() {
        assertThat(Scheduler.KL_OPTIMAL.sigmas(SD15, 1)[0]).isNaN();
    }
}
