package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.ModelSampling;
import dev.easel.diffusion.numeric.Linspace;

/** The normal and sgm_uniform schedules: timesteps evenly spaced between those of σ_max and σ_min. */
final class TimestepSchedules {
    private TimestepSchedules() {}

    /**
     * {@code normal}: N timesteps from timestep(σ_max) to timestep(σ_min) inclusive, then 0 —
     * unless σ at the last timestep is already ≈ 0 (zero-terminal-SNR models), which then takes
     * N + 1 timesteps and no appended 0. {@code sgm_uniform}: N + 1 timesteps without the last.
     */
    static double[] uniform(ModelSampling ms, int steps, boolean sgm) {
        double start = ms.timestep(ms.sigmaMax()), end = ms.timestep(ms.sigmaMin());
        boolean appendZero = sgm || Math.abs(ms.sigma(end)) > 1e-5;
        int count = sgm || appendZero ? steps : steps + 1;
        float[] timesteps = Linspace.floats(start, end, sgm ? steps + 1 : count);
        double[] out = new double[count + (appendZero ? 1 : 0)];
        for (int i = 0; i < count; i++) out[i] = ms.sigma(timesteps[i]);
        return out;
    }
}
