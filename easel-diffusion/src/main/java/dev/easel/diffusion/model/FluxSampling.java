package dev.easel.diffusion.model;

/**
 * ComfyUI's {@code ModelSamplingFlux}: σ(t) = e^μ / (e^μ + (1/t − 1)) with μ = shift (1.15 by
 * default), over a 10000-entry table, and the network's timestep is σ itself. Float32 as in
 * torch, where {@code 1/t} and {@code e^μ/(…)} are a reciprocal followed by a multiply.
 */
public final class FluxSampling extends ConstSampling {
    public static final double DEFAULT_SHIFT = 1.15;
    private static final int TIMESTEPS = 10000;

    private final double shift;
    private final float expShift;

    private FluxSampling(double shift) {
        super(TIMESTEPS);
        if (!Double.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        this.shift = shift;
        this.expShift = (float) Math.exp(shift);
        for (int i = 1; i <= TIMESTEPS; i++) sigmas[i - 1] = sigma((float) i / TIMESTEPS);
    }

    public static FluxSampling of(double shift) {
        return new FluxSampling(shift);
    }

    public static FluxSampling standard() {
        return new FluxSampling(DEFAULT_SHIFT);
    }

    public double shift() {
        return shift;
    }

    @Override
    public double timestep(double sigma) {
        return (float) sigma;
    }

    @Override
    public double sigma(double timestep) {
        float odds = 1f / (float) timestep - 1f;
        return (1f / (expShift + odds)) * expShift;
    }
}
