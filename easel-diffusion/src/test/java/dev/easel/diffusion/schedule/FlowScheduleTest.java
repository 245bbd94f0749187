package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.FlowSampling;
import dev.easel.diffusion.model.FluxSampling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bit patterns printed by torch 1.13 running ComfyUI's scheduler functions on its flow samplings. */
class FlowScheduleTest {

    private static int[] bits(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits((float) v[i]);
        return out;
    }

    @Test
    void sd3SimpleWalksItsTable() {
        assertThat(bits(Scheduler.SIMPLE.sigmas(FlowSampling.sd3(3.0), 10))).containsExactly(0x3f800000, 0x3f76db6d,
                0x3f6c4ec6, 0x3f5fffff, 0x3f51745d, 0x3f400000, 0x3f2aaaab, 0x3f100000, 0x3edb6db8, 0x3e800000, 0);
    }

    @Test
    void sd3NormalSpacesTimestepsEvenly() {
        assertThat(bits(Scheduler.NORMAL.sigmas(FlowSampling.sd3(3.0), 10))).containsExactly(0x3f800000, 0x3f75cb08,
                0x3f69d13c, 0x3f5b91ba, 0x3f4a5595, 0x3f351034, 0x3f1a268a, 0x3eee043b, 0x3e8e5c69, 0x3c124925, 0);
    }

    @Test
    void sd3LinearQuadraticScalesByOne() {
        assertThat(bits(Scheduler.LINEAR_QUADRATIC.sigmas(FlowSampling.sd3(3.0), 10))).containsExactly(0x3f800000,
                0x3f7eb852, 0x3f7d70a4, 0x3f7c28f6, 0x3f7ae148, 0x3f79999a, 0x3f6e978d, 0x3f5020c5, 0x3f1e353f, 0x3eb1a9fc, 0);
    }

    @Test
    void fluxSimpleWalksItsTenThousandEntryTable() {
        assertThat(bits(Scheduler.SIMPLE.sigmas(FluxSampling.of(1.15), 10))).containsExactly(0x3f800000, 0x3f774caf,
                0x3f6d38c3, 0x3f61694e, 0x3f53612e, 0x3f426f4f, 0x3f2d908a, 0x3f1339f3, 0x3ee1e4f0, 0x3e84ff0e, 0);
    }

    @Test
    void fluxKarrasUsesItsSigmaBounds() {
        assertThat(bits(Scheduler.KARRAS.sigmas(FluxSampling.of(1.15), 10))).containsExactly(0x3f800000, 0x3f133b62,
                0x3ea17f92, 0x3e276dce, 0x3da22532, 0x3d1063cd, 0x3c675105, 0x3ba16d6a, 0x3abae6c1, 0x39a58b60, 0);
    }

    @Test
    void fluxBetaPicksTableEntries() {
        assertThat(bits(Scheduler.BETA.sigmas(FluxSampling.of(1.15), 10))).containsExactly(0x3f800000, 0x3f7cb366,
                0x3f751fdd, 0x3f696bf8, 0x3f58e95f, 0x3f427418, 0x3f2482f5, 0x3efb7b4e, 0x3e9d2b30, 0x3dec83a1, 0);
    }
}
