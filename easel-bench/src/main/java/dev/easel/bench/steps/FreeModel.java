package dev.easel.bench.steps;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * An SD1.5-shaped ε-prediction model that costs almost nothing: its "network" returns
 * {@code xIn·}{@value #GAIN}, one pass over the rows. What a sampling step costs around it is
 * what the sampler, guidance and previews cost. It counts its calls and rows, so a check can
 * tell how often the sampler evaluated it.
 */
public final class FreeModel implements DiffusionModel {
    public static final float GAIN = 0.5f;

    private final ModelSampling sampling = DiscreteSampling.eps();
    private long calls;
    private long rows;

    @Override
    public ModelSampling sampling() {
        return sampling;
    }

    @Override
    public LatentFormat latentFormat() {
        return LatentFormat.SD15;
    }

    @Override
    public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
        calls++;
        rows += xIn.dim(0);
        return xIn.mul(GAIN);
    }

    public long calls() {
        return calls;
    }

    public long rows() {
        return rows;
    }
}
