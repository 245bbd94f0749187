package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SD1.5 at 10 steps: the design notes' vectors (§5.3) and values of ComfyUI's own code run with torch. */
class Sd15ScheduleTest {
    private static final ModelSampling SD15 = DiscreteSampling.eps();

    private static void assertSchedule(Scheduler s, double... expected) {
        double[] actual = s.sigmas(SD15, 10);
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) assertThat(actual[i]).as("σ[%d]", i).isCloseTo(expected[i], within(5e-5));
    }

    private static int[] bits(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits((float) v[i]);
        return out;
    }

    @Test
    void simple() {
        assertSchedule(Scheduler.SIMPLE, 14.6146, 8.3028, 5.0878, 3.3211, 2.2765, 1.6129, 1.1606, 0.8299, 0.5693, 0.3417, 0);
    }

    @Test
    void normal() {
        assertSchedule(Scheduler.NORMAL, 14.6146, 7.8399, 4.6092, 2.9183, 1.9502, 1.3449, 0.9324, 0.6250, 0.3687, 0.0292, 0);
    }

    @Test
    void karras() {
        assertSchedule(Scheduler.KARRAS, 14.6146, 9.1029, 5.4784, 3.1686, 1.7494, 0.9141, 0.4469, 0.2014, 0.0819, 0.0292, 0);
    }

    @Test
    void exponential() {
        assertSchedule(Scheduler.EXPONENTIAL, 14.6146, 7.3249, 3.6712, 1.8400, 0.9222, 0.4622, 0.2317, 0.1161, 0.0582, 0.0292, 0);
    }

    @Test
    void sgmUniform() {
        assertSchedule(Scheduler.SGM_UNIFORM, 14.6146, 8.3072, 5.0924, 3.3251, 2.2797, 1.6156, 1.1629, 0.8319, 0.5712, 0.3437, 0);
    }

    @Test
    void ddimUniform() {
        assertSchedule(Scheduler.DDIM_UNIFORM, 8.3907, 5.1344, 3.3478, 2.2929, 1.6237, 1.1682, 0.8357, 0.5741, 0.3462, 0.0413, 0);
    }

    @Test
    void beta() {
        assertSchedule(Scheduler.BETA, 14.6146, 11.5428, 7.3718, 4.3728, 2.6152, 1.6183, 1.0273, 0.6549, 0.3955, 0.1991, 0);
    }

    @Test
    void linearQuadratic() {
        assertSchedule(Scheduler.LINEAR_QUADRATIC, 14.6146, 14.5416, 14.4685, 14.3954, 14.3223, 14.2493, 13.6208, 11.8817, 9.0318, 5.0713, 0);
    }

    @Test
    void klOptimal() {
        assertSchedule(Scheduler.KL_OPTIMAL, 14.6146, 4.2324, 2.3937, 1.5971, 1.1330, 0.8152, 0.5729, 0.3725, 0.1953, 0.0292, 0);
    }

    /** Bit patterns printed by torch 1.13 running ComfyUI's scheduler functions. */
    @Test
    void tableAndPolynomialSchedulesMatchTorchBitForBit() {
        assertThat(bits(Scheduler.SIMPLE.sigmas(SD15, 10))).containsExactly(0x4169d592, 0x4104d848, 0x40a2cef5,
                0x40548ca0, 0x4011b192, 0x3fce730e, 0x3f948dd5, 0x3f5471ad, 0x3f11bca8, 0x3eaeefdf, 0);
        assertThat(bits(Scheduler.KARRAS.sigmas(SD15, 10))).containsExactly(0x4169d594, 0x4111a599, 0x40af4efd,
                0x404aca6c, 0x3fdfecee, 0x3f6a00ab, 0x3ee4d27c, 0x3e4e3b5f, 0x3da7c096, 0x3ceef001, 0);
        assertThat(bits(Scheduler.BETA.sigmas(SD15, 10))).containsExactly(0x4169d592, 0x4138af30, 0x40ebe626,
                0x408bedfe, 0x40276006, 0x3fcf23c3, 0x3f837f87, 0x3f27a691, 0x3eca803f, 0x3e4bd606, 0);
        assertThat(bits(Scheduler.LINEAR_QUADRATIC.sigmas(SD15, 10))).containsExactly(0x4169d592, 0x4168aa43,
                0x41677ef5, 0x416653a6, 0x41652857, 0x4163fd08, 0x4159eefb, 0x413e1b75, 0x41108273, 0x40a247ee, 0);
    }

    @Test
    void ddimUniformTakesEveryFloorThousandOverNthEntryEvenWhenThatGivesMore() {
        // 7 steps: stride 142 picks entries 1, 143, …, 995, eight values, then 0.
        assertThat(bits(Scheduler.DDIM_UNIFORM.sigmas(SD15, 7))).containsExactly(0x41643de3, 0x40d242c3,
                0x405f11b1, 0x40030728, 0x3fa2d2f5, 0x3f4a416f, 0x3ee1702f, 0x3d29394d, 0);
    }

    @Test
    void betaDropsRepeatedTimestepsAtHighStepCounts() {
        assertThat(Scheduler.BETA.sigmas(SD15, 200)).hasSize(200);
    }
}
