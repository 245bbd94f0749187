package dev.easel.diffusion.model;

/** A model sampling whose σ range is a table ascending over its timesteps, filled by the subclass. */
abstract class TabulatedSampling implements ModelSampling {
    /** σ per timestep, ascending; subclasses fill it in their constructors. */
    protected final double[] sigmas;

    TabulatedSampling(int timesteps) {
        this.sigmas = new double[timesteps];
    }

    @Override
    public final double sigmaMin() {
        return sigmas[0];
    }

    @Override
    public final double sigmaMax() {
        return sigmas[sigmas.length - 1];
    }

    @Override
    public final double[] sigmaTable() {
        return sigmas.clone();
    }
}
