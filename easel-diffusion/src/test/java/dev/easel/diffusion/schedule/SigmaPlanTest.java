package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigmaPlanTest {
    private static final ModelSampling SD15 = DiscreteSampling.eps();
    private static final double[] SIX = {5, 4, 3, 2, 1, 0};

    @Test
    void fullDenoiseIsTheSchedulersSchedule() {
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.KARRAS, 10, 1.0, false)).containsExactly(Scheduler.KARRAS.sigmas(SD15, 10));
    }

    @Test
    void denoiseJustAboveTheThresholdCountsAsFull() {
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.NORMAL, 10, 0.99995, false)).containsExactly(Scheduler.NORMAL.sigmas(SD15, 10));
    }

    @Test
    void partialDenoiseKeepsTheLastStepsOfALongerSchedule() {
        // int(10 / 0.6) = 16 steps, of which the last 11 σ are kept.
        double[] longer = Scheduler.SIMPLE.sigmas(SD15, 16);
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.SIMPLE, 10, 0.6, false))
                .containsExactly(Arrays.copyOfRange(longer, 6, 17));
    }

    @Test
    void denoiseAtTheThresholdIsStillPartial() {
        // int(10 / 0.9999) = 10, so the schedule is the full one, reached through the partial branch.
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.SIMPLE, 10, 0.9999, false)).containsExactly(Scheduler.SIMPLE.sigmas(SD15, 10));
    }

    @Test
    void zeroOrNegativeDenoiseGivesNoSigmas() {
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.SIMPLE, 10, 0.0, false)).isEmpty();
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.SIMPLE, 10, -0.5, false)).isEmpty();
    }

    @Test
    void discardingThePenultimateComputesOneStepMoreAndDropsIt() {
        double[] eleven = Scheduler.KARRAS.sigmas(SD15, 11);
        double[] expected = Arrays.copyOf(eleven, 11);
        expected[10] = eleven[11];
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.KARRAS, 10, 1.0, true)).containsExactly(expected);
    }

    @Test
    void discardingAppliesToTheLongerScheduleOfAPartialDenoise() {
        // int(4 / 0.5) = 8 steps, computed as 9 steps (10 σ), penultimate dropped (9 σ), last 5 kept.
        double[] computed = Scheduler.SIMPLE.sigmas(SD15, 9);
        double[] dropped = Arrays.copyOf(computed, 9);
        dropped[8] = computed[9];
        assertThat(SigmaPlan.forSteps(SD15, Scheduler.SIMPLE, 4, 0.5, true)).containsExactly(Arrays.copyOfRange(dropped, 4, 9));
    }

    @Test
    void anEndStepAtOrPastTheLastIndexLeavesTheScheduleWhole() {
        assertThat(SigmaPlan.slice(SIX, 0, 5, true)).containsExactly(SIX);
        assertThat(SigmaPlan.slice(SIX, 0, 10000, true)).containsExactly(SIX);
    }

    @Test
    void anEarlierEndStepCutsAndForcesTheLastSigmaToZero() {
        assertThat(SigmaPlan.slice(SIX, 0, 3, true)).containsExactly(5, 4, 3, 0);
    }

    @Test
    void leftoverNoiseKeepsTheLastSigmaOfTheCut() {
        assertThat(SigmaPlan.slice(SIX, 0, 3, false)).containsExactly(5, 4, 3, 2);
    }

    @Test
    void aStartStepDropsTheStepsBeforeIt() {
        assertThat(SigmaPlan.slice(SIX, 2, 10000, false)).containsExactly(3, 2, 1, 0);
        assertThat(SigmaPlan.slice(SIX, 1, 3, true)).containsExactly(4, 3, 0);
    }

    @Test
    void aStartStepAtTheLastIndexMeansNothingIsSampled() {
        assertThat(SigmaPlan.slice(SIX, 5, 10000, false)).hasSizeLessThanOrEqualTo(1);
        assertThat(SigmaPlan.slice(SIX, 9, 10000, false)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aStartStepAtOrAfterTheEndStepMeansNothingIsSampled() {
        assertThat(SigmaPlan.slice(SIX, 3, 3, true)).hasSizeLessThanOrEqualTo(1);
        assertThat(SigmaPlan.slice(SIX, 4, 2, true)).hasSizeLessThanOrEqualTo(1);
        assertThat(SigmaPlan.slice(SIX, 2, 3, true)).containsExactly(3, 0);
    }

    @Test
    void slicingDoesNotChangeItsInput() {
        double[] sigmas = SIX.clone();
        SigmaPlan.slice(sigmas, 0, 2, true);
        assertThat(sigmas).containsExactly(SIX);
    }

    @Test
    void negativeStepsAreRejected() {
        assertThatThrownBy(() -> SigmaPlan.slice(SIX, -1, 3, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
