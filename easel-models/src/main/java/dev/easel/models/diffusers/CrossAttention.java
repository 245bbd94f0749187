package dev.easel.models.diffusers;

import dev.easel.tensor.Tensor;

import java.math.BigInteger;
import java.util.List;

/**
 * Batches rows of text conditioning of different lengths the way ComfyUI does: each is repeated
 * along its tokens up to the least common multiple of the lengths, so a 154-token prompt and a
 * 77-token negative prompt share one UNet call.
 */
final class CrossAttention {

    private CrossAttention() {
    }

    /** {@code [1, Tᵢ, d]} rows → {@code [N, lcm(Tᵢ), d]}. */
    static Tensor batch(List<Tensor> rows) {
        int dim = rows.get(0).dim(2);
        long lcm = 1;
        for (Tensor r : rows) {
            if (r.rank() != 3 || r.dim(0) != 1 || r.dim(2) != dim) {
                throw new IllegalArgumentException("cross-attention conditioning must be [1, tokens, " + dim + "], got "
                        + java.util.Arrays.toString(r.shape()));
            }
            long t = r.dim(1);
            lcm = lcm / BigInteger.valueOf(lcm).gcd(BigInteger.valueOf(t)).longValue() * t;
        }
        int tokens = Math.toIntExact(lcm);
        float[] out = new float[rows.size() * tokens * dim];
        for (int i = 0; i < rows.size(); i++) {
            float[] src = rows.get(i).data();
            for (int pos = 0; pos < tokens * dim; pos += src.length) {
                System.arraycopy(src, 0, out, i * tokens * dim + pos, src.length);
            }
        }
        return Tensor.of(out, rows.size(), tokens, dim);
    }
}
