package dev.easel.diffusion.guidance;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * ComfyUI's {@code calc_cond_batch}: the denoised estimate of each list of conditioning entries
 * at (x, σ). Every entry is evaluated on its region of x; entries whose inputs have the same
 * shape are batched into one model call, as many as {@link DiffusionModel#maxBatch()} allows,
 * taking them from the end of the pending list first as ComfyUI does (so a batch of positive and
 * negative has the negative rows first). Each list's result is Σ weight·D / Σ weight, with
 * ComfyUI's 1e-37 floor under the weights; an empty list gives zeros.
 */
final class ConditionedEvaluation {
    private static final float COUNT_FLOOR = 1e-37f;

    private record Pending(int list, ConditioningEntry entry, Region region) {
    }

    private ConditionedEvaluation() {}

    static Tensor[] evaluate(DiffusionModel model, List<List<ConditioningEntry>> lists, Tensor x, double sigma) {
        int size = x.size();
        float[][] sums = new float[lists.size()][size], counts = new float[lists.size()][size];
        List<Pending> pending = new ArrayList<>();
        for (int l = 0; l < lists.size(); l++) {
            Arrays.fill(counts[l], COUNT_FLOOR);
            for (ConditioningEntry e : lists.get(l)) pending.add(new Pending(l, e, Region.of(e, x)));
        }
        while (!pending.isEmpty()) {
            List<Pending> batch = nextBatch(pending, model.maxBatch(), x.dim(0));
            Tensor[] outputs = run(model, batch, sigma);
            for (int k = 0; k < batch.size(); k++) {
                Pending p = batch.get(k);
                p.region().accumulate(sums[p.list()], counts[p.list()], x.shape(), outputs[k]);
            }
        }
        Tensor[] out = new Tensor[lists.size()];
        for (int l = 0; l < lists.size(); l++) {
            float[] result = new float[size];
            for (int i = 0; i < size; i++) result[i] = sums[l][i] / counts[l][i];
            out[l] = Tensor.of(result, x.shape());
        }
        return out;
    }

    /** Removes and returns the next batch: the last compatible entries, halving their number until the rows fit. */
    private static List<Pending> nextBatch(List<Pending> pending, int maxRows, int rowsPerEntry) {
        Pending first = pending.get(0);
        List<Integer> compatible = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) if (concatenable(pending.get(i), first)) compatible.add(i);
        Collections.reverse(compatible);
        List<Integer> chosen = compatible.subList(0, 1);
        for (int divisor = 1; divisor <= compatible.size(); divisor++) {
            List<Integer> amount = compatible.subList(0, compatible.size() / divisor);
            if ((long) amount.size() * rowsPerEntry <= maxRows) {
                chosen = amount;
                break;
            }
        }
        List<Pending> batch = new ArrayList<>();
        for (int index : chosen) batch.add(pending.get(index));
        for (int index : chosen) pending.remove(index);
        return batch;
    }

    /** One model call over the batch's rows; the denoised rows of each entry. */
    private static Tensor[] run(DiffusionModel model, List<Pending> batch, double sigma) {
        ModelSampling sampling = model.sampling();
        Tensor rows = Tensor.cat0(batch.stream().map(p -> p.region().input()).toArray(Tensor[]::new));
        int perEntry = batch.get(0).region().input().dim(0);
        List<ConditioningEntry> conds = new ArrayList<>();
        for (Pending p : batch) conds.addAll(Collections.nCopies(perEntry, p.entry()));
        double[] timesteps = new double[rows.dim(0)];
        Arrays.fill(timesteps, sampling.timestep(sigma));
        Tensor output = model.apply(sampling.calculateInput(sigma, rows), timesteps, conds);
        Tensor denoised = sampling.calculateDenoised(sigma, output, rows);
        Tensor[] out = new Tensor[batch.size()];
        for (int k = 0; k < out.length; k++) out[k] = denoised.slice0(k * perEntry, (k + 1) * perEntry);
        return out;
    }

    /**
     * Inputs of one shape and text of one shape. ComfyUI also batches prompts of different token
     * counts by repeating the shorter; here they run in separate calls, which gives the same result.
     */
    private static boolean concatenable(Pending a, Pending b) {
        ConditioningEntry ea = a.entry(), eb = b.entry();
        return Arrays.equals(a.region().input().shape(), b.region().input().shape())
                && Arrays.equals(ea.crossAttn().shape(), eb.crossAttn().shape())
                && ea.pooled().map(Tensor::shape).map(Arrays::toString)
                .equals(eb.pooled().map(Tensor::shape).map(Arrays::toString));
    }
}
