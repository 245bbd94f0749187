package dev.easel.tensor;

/** Numpy-style broadcasting of a binary float32 operation. */
final class Broadcast {
    private Broadcast() {}

    interface Op {
        float apply(float a, float b);
    }

    static Tensor apply(Tensor a, Tensor b, Op op) {
        int[] sa = a.shape(), sb = b.shape();
        int rank = Math.max(sa.length, sb.length);
        int[] out = new int[rank];
        int[] pa = pad(sa, rank), pb = pad(sb, rank);
        for (int i = 0; i < rank; i++) {
            if (pa[i] != pb[i] && pa[i] != 1 && pb[i] != 1) {
                throw new IllegalArgumentException("shapes " + java.util.Arrays.toString(sa) + " and "
                        + java.util.Arrays.toString(sb) + " cannot be broadcast together");
            }
            out[i] = Math.max(pa[i], pb[i]);
        }
        float[] da = a.data(), db = b.data();
        float[] result = new float[Tensor.count(out)];
        if (java.util.Arrays.equals(pa, pb)) {
            for (int i = 0; i < result.length; i++) result[i] = op.apply(da[i], db[i]);
            return Tensor.of(result, out);
        }
        int[] stridesA = strides(pa), stridesB = strides(pb);
        int[] idx = new int[rank];
        for (int i = 0; i < result.length; i++) {
            int oa = 0, ob = 0;
            for (int d = 0; d < rank; d++) {
                if (pa[d] != 1) oa += idx[d] * stridesA[d];
                if (pb[d] != 1) ob += idx[d] * stridesB[d];
            }
            result[i] = op.apply(da[oa], db[ob]);
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < out[d]) break;
                idx[d] = 0;
            }
        }
        return Tensor.of(result, out);
    }

    private static int[] pad(int[] shape, int rank) {
        int[] p = new int[rank];
        java.util.Arrays.fill(p, 1);
        System.arraycopy(shape, 0, p, rank - shape.length, shape.length);
        return p;
    }

    private static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }
}
