package dev.easel.diffusion.model;

/**
 * ComfyUI's {@code ModelSamplingDiscreteFlow} (SD3 and other rectified-flow models): σ(t) =
 * shift·t / (1 + (shift − 1)·t) for t = timestep/multiplier, and the network's timestep is
 * σ·multiplier. The 1000-entry σ table and every value are computed in float32 as torch does.
 */
public final class FlowSampling extends ConstSampling {
    private static final int TIMESTEPS = 1000;

    private final double shift, multiplier;

    private FlowSampling(double shift, double multiplier) {
        super(TIMESTEPS);
        if (!(shift > 0) || !(multiplier > 0)) {
            throw new IllegalArgumentException("shift and multiplier must be positive, got " + shift + " and " + multiplier);
        }
        this.shift = shift;
        this.multiplier = multiplier;
        float m = (float) multiplier;
        for (int i = 1; i <= TIMESTEPS; i++) sigmas[i - 1] = sigma(((float) i / TIMESTEPS) * m);
    }

    /** SD3's sampling with the given shift (3.0 for SD3 itself) and multiplier 1000. */
    public static FlowSampling sd3(double shift) {
        return new FlowSampling(shift, 1000);
    }

    public static FlowSampling of(double shift, double multiplier) {
        return new FlowSampling(shift, multiplier);
    }

    public double shift() {
        return shift;
    }

    public double multiplier() {
        return multiplier;
    }

    @Override
    public double timestep(double sigma) {
        return (float) sigma * (float) multiplier;
    }

    @Override
    public double sigma(double timestep) {
        float t = (float) timestep / (float) multiplier;
        if (shift == 1.0) return t;
        return ((float) shift * t) / (1f + (float) (shift - 1.0) * t);
    }
}
