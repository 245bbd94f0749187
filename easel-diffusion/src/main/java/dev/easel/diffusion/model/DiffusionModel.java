package dev.easel.diffusion.model;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * ComfyUI's MODEL value: a denoising network with its noise parameterisation. Guidance calls
 * {@link #apply} once per batched evaluation; the result is the network's raw output (ε, v or
 * flow velocity), which {@link ModelSampling#calculateDenoised} turns into x₀.
 */
public interface DiffusionModel {

    ModelSampling sampling();

    LatentFormat latentFormat();

    /**
     * One network evaluation over a batch of rows. {@code xIn} is {@code [N, C, h, w]}, already
     * passed through {@link ModelSampling#calculateInput}; {@code timesteps[i]} and
     * {@code conds.get(i)} belong to row i.
     */
    Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds);

    /** The largest number of rows one {@link #apply} call should get (memory); guidance splits above it. */
    default int maxBatch() {
        return 64;
    }
}
