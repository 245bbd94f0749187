package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

/**
 * The exact denoiser of data distributed N(μ, v) per element: D(x, σ) = μ + v/(v+σ²)·(x − μ).
 * Its probability-flow ODE has the closed-form solution x(σ) = μ + (x_T − μ)·√((v+σ²)/(v+σ_T²)).
 */
record GaussianOracle(double mean, double variance) implements Denoiser {

    @Override
    public Prediction predict(Tensor x, double sigma) {
        double gain = variance / (variance + sigma * sigma);
        return Prediction.unguided(x.map(v -> mean + gain * (v - mean)));
    }

    double[] exact(Tensor start, double sigmaStart, double sigmaEnd) {
        double ratio = Math.sqrt((variance + sigmaEnd * sigmaEnd) / (variance + sigmaStart * sigmaStart));
        float[] s = start.data();
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = mean + (s[i] - mean) * ratio;
        return out;
    }

    /** A draw of the noised data distribution at σ: μ + √(v+σ²)·n. */
    Tensor noisedSample(NoiseSource noise, int[] shape, double sigma) {
        double spread = Math.sqrt(variance + sigma * sigma);
        return noise.next(shape).map(n -> mean + spread * n);
    }
}
