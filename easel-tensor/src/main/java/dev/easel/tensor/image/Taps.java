package dev.easel.tensor.image;

/**
 * Per output position along one axis: {@code width} source indices and weights. Source
 * coordinates follow torch's {@code align_corners=False} convention, computed in float32
 * as its CPU kernels do.
 */
record Taps(int width, int[] index, float[] weight) {

    static Taps nearestExact(int in, int out) {
        float scale = (float) in / out;
        int[] idx = new int[out];
        float[] w = new float[out];
        for (int o = 0; o < out; o++) {
            idx[o] = Math.min((int) Math.floor((o + 0.5f) * scale), in - 1);
            w[o] = 1f;
        }
        return new Taps(1, idx, w);
    }

    static Taps bilinear(int in, int out) {
        float scale = (float) in / out;
        int[] idx = new int[out * 2];
        float[] w = new float[out * 2];
        for (int o = 0; o < out; o++) {
            float src = Math.max((o + 0.5f) * scale - 0.5f, 0f);
            int i0 = Math.min((int) src, in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            float lambda = Math.min(src - i0, 1f);
            idx[o * 2] = i0;
            idx[o * 2 + 1] = i1;
            w[o * 2] = 1f - lambda;
            w[o * 2 + 1] = lambda;
        }
        return new Taps(2, idx, w);
    }

    static Taps bicubic(int in, int out) {
        final float a = -0.75f;
        float scale = (float) in / out;
        int[] idx = new int[out * 4];
        float[] w = new float[out * 4];
        for (int o = 0; o < out; o++) {
            float src = (o + 0.5f) * scale - 0.5f;
            int base = (int) Math.floor(src);
            float t = src - base;
            float[] c = {
                    cubicFar(t + 1f, a), cubicNear(t, a), cubicNear(1f - t, a), cubicFar(2f - t, a)};
            for (int k = 0; k < 4; k++) {
                idx[o * 4 + k] = Math.min(Math.max(base - 1 + k, 0), in - 1);
                w[o * 4 + k] = c[k];
            }
        }
        return new Taps(4, idx, w);
    }

    /** Lanczos-3, widened by the scale when shrinking so that it also filters (as Pillow does). */
    static Taps lanczos(int in, int out) {
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = 3.0 * filterScale;
        int width = (int) Math.ceil(support) * 2 + 1;
        int[] idx = new int[out * width];
        float[] w = new float[out * width];
        double[] k = new double[width];
        for (int o = 0; o < out; o++) {
            double center = (o + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), in);
            double total = 0;
            for (int j = 0; j < max - min; j++) {
                k[j] = lanczos3((j + min - center + 0.5) / filterScale);
                total += k[j];
            }
            for (int j = 0; j < width; j++) {
                boolean used = j < max - min;
                idx[o * width + j] = used ? min + j : min;
                w[o * width + j] = used && total != 0 ? (float) (k[j] / total) : 0f;
            }
        }
        return new Taps(width, idx, w);
    }

    private static float cubicNear(float x, float a) {
        return ((a + 2) * x - (a + 3)) * x * x + 1;
    }

    private static float cubicFar(float x, float a) {
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    }

    private static double lanczos3(double x) {
        if (x == 0) return 1;
        if (x <= -3 || x >= 3) return 0;
        double px = Math.PI * x;
        return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
    }
}
