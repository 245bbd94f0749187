package dev.easel.models.diffusers;

import dev.easel.tensor.Tensor;

/**
 * Applies a CLIP text encoder's final layer norm to an earlier layer, as ComfyUI does for SD1 and
 * SD2 when {@code CLIPSetLastLayer} picks a hidden layer. An ONNX export does not expose the
 * norm's weights, but it exposes the norm's input ({@code hidden_states.L}) and output
 * ({@code last_hidden_state}) for the same tokens, and per feature j the norm is the line
 * {@code y = γⱼ·n + βⱼ} through the normalised inputs: γ and β are fitted by least squares over
 * every token of the batch, then applied to the chosen layer.
 */
final class FinalNorm {
    /** CLIP's and OpenCLIP's layer-norm epsilon. */
    static final double EPSILON = 1e-5;

    private FinalNorm() {
    }

    /** All three are {@code [B, T, d]}: the chosen layer, the last layer before the norm, and after it. */
    static Tensor apply(Tensor chosen, Tensor lastLayer, Tensor lastHiddenState, String model) {
        int dim = chosen.dim(2), rows = chosen.size() / dim;
        double[] n = normalised(lastLayer.data(), rows, dim);
        float[] y = lastHiddenState.data();
        double[] gamma = new double[dim], beta = new double[dim];
        for (int j = 0; j < dim; j++) {
            double sn = 0, sy = 0, snn = 0, sny = 0;
            for (int r = 0; r < rows; r++) {
                double x = n[r * dim + j], v = y[r * dim + j];
                sn += x;
                sy += v;
                snn += x * x;
                sny += x * v;
            }
            double varN = snn - sn * sn / rows;
            if (!(varN > 0)) {
                throw new IllegalStateException("cannot recover the final layer norm of " + model + ": feature " + j
                        + " of its last layer does not vary across the prompt's tokens");
            }
            gamma[j] = (sny - sn * sy / rows) / varN;
            beta[j] = (sy - gamma[j] * sn) / rows;
        }
        double[] c = normalised(chosen.data(), rows, dim);
        float[] out = new float[c.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) out[r * dim + j] = (float) (gamma[j] * c[r * dim + j] + beta[j]);
        }
        return Tensor.of(out, chosen.shape());
    }

    /** (x − mean) / √(var + ε) over each token's features. */
    private static double[] normalised(float[] x, int rows, int dim) {
        double[] out = new double[x.length];
        for (int r = 0; r < rows; r++) {
            double mean = 0, var = 0;
            for (int j = 0; j < dim; j++) mean += x[r * dim + j];
            mean /= dim;
            for (int j = 0; j < dim; j++) {
                double d = x[r * dim + j] - mean;
                var += d * d;
            }
            double scale = 1 / Math.sqrt(var / dim + EPSILON);
            for (int j = 0; j < dim; j++) out[r * dim + j] = (x[r * dim + j] - mean) * scale;
        }
        return out;
    }
}
