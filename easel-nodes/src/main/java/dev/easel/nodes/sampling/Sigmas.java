package dev.easel.nodes.sampling;

import java.util.Arrays;

/** ComfyUI's SIGMAS value: a noise schedule, descending, usually ending with 0. Immutable. */
public record Sigmas(double[] values) {

    public Sigmas {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Sampler steps this schedule makes (one fewer than its sigmas, never negative). */
    public int steps() {
        return Math.max(values.length - 1, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sigmas other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Sigmas" + Arrays.toString(values);
    }
}
