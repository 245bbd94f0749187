package dev.easel.diffusion.reference;

import static org.assertj.core.api.Assertions.assertThat;

/** Element-wise comparison against a reference, reporting the worst element rather than the first. */
final class Closeness {
    private Closeness() {}

    static void assertWithin(float[] actual, float[] expected, double tolerance, String what) {
        assertThat(actual).as(what + ": length").hasSize(expected.length);
        int worst = 0;
        double worstDiff = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            if (Double.isNaN(diff)) diff = Double.POSITIVE_INFINITY;
            if (diff > worstDiff) {
                worstDiff = diff;
                worst = i;
            }
        }
        assertThat(worstDiff)
                .as("%s: max |easel - comfyui| at element %d (easel %s, comfyui %s)", what, worst, actual[worst], expected[worst])
                .isLessThanOrEqualTo(tolerance);
    }
}
