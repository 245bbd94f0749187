package dev.easel.diffusion.guidance;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake network that records every call and answers, for each row, a constant: the first
 * element of that row's text embedding (so a test picks each entry's output by its text).
 */
final class RecordingModel implements DiffusionModel {
    record Call(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
    }

    private final ModelSampling sampling;
    private final int maxBatch;
    final List<Call> calls = new ArrayList<>();

    RecordingModel(ModelSampling sampling, int maxBatch) {
        this.sampling = sampling;
        this.maxBatch = maxBatch;
    }

    static ConditioningEntry text(float value) {
        return ConditioningEntry.of(Tensor.full(value, 1, 2, 3), java.util.Optional.empty());
    }

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
        calls.add(new Call(xIn, timesteps.clone(), List.copyOf(conds)));
        int rows = xIn.dim(0), perRow = xIn.size() / rows;
        float[] out = new float[xIn.size()];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(out, r * perRow, (r + 1) * perRow, conds.get(r).crossAttn().data()[0]);
        }
        return Tensor.of(out, xIn.shape());
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }
}
