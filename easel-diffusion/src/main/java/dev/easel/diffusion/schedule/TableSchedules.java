package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.ModelSampling;
import org.apache.commons.math3.distribution.BetaDistribution;

import java.util.ArrayList;
import java.util.List;

/** Schedules that pick entries of the model's σ table (simple, ddim_uniform, beta). */
final class TableSchedules {
    private static final double BETA_SHAPE = 0.6;
    /** Tighter than commons-math's default (1e-9), so rounding ·999 to an integer is never decided by the solver. */
    private static final BetaDistribution BETA = new BetaDistribution(null, BETA_SHAPE, BETA_SHAPE, 1e-14);

    private TableSchedules() {}

    /** σ_i = table[len − 1 − ⌊i·len/N⌋]: evenly spaced table entries from the top. */
    static double[] simple(ModelSampling ms, int steps) {
        double[] table = ms.sigmaTable();
        double stride = (double) table.length / steps;
        double[] out = new double[steps + 1];
        for (int i = 0; i < steps; i++) out[i] = table[table.length - 1 - (int) (i * stride)];
        return out;
    }

    /** table[1], table[1 + s], … for s = ⌊len/N⌋, reversed, ending in 0 (unless table[1] is already ≈ 0). */
    static double[] ddimUniform(ModelSampling ms, int steps) {
        double[] table = ms.sigmaTable();
        boolean endsAtZero = Math.abs(table[1]) <= 1e-5;
        int stride = Math.max(table.length / (endsAtZero ? steps + 1 : steps), 1);
        List<Double> picked = new ArrayList<>();
        if (!endsAtZero) picked.add(0.0);
        for (int t = 1; t < table.length; t += stride) picked.add(table[t]);
        double[] out = new double[picked.size()];
        for (int i = 0; i < out.length; i++) out[i] = picked.get(picked.size() - 1 - i);
        return out;
    }

    /**
     * Timesteps at the Beta(0.6, 0.6) quantiles of 1, 1 − 1/N, …, 1/N, scaled to the table and
     * rounded half to even (numpy's rint); a timestep equal to the previous one is skipped.
     */
    static double[] beta(ModelSampling ms, int steps) {
        double[] table = ms.sigmaTable();
        int last = table.length - 1;
        List<Double> out = new ArrayList<>();
        double previous = -1;
        for (int i = 0; i < steps; i++) {
            double p = 1 - i * (1.0 / steps);
            double t = Math.rint(quantile(p) * last);
            if (t != previous) out.add(table[(int) t]);
            previous = t;
        }
        out.add(0.0);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The symmetric distribution's median is exactly ½, which a numerical inverse only approaches. */
    private static double quantile(double p) {
        return p == 0.5 ? 0.5 : BETA.inverseCumulativeProbability(p);
    }
}
