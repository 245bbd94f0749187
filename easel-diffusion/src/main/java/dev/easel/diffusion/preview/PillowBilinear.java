package dev.easel.diffusion.preview;

import dev.easel.tensor.image.Pixels8;

/**
 * Pillow's {@code Image.resize(size, BILINEAR)} on 8-bit RGB, as ComfyUI's server resizes
 * previews: a triangle filter widened by the scale when shrinking, weights normalised per output
 * pixel and turned into 22-bit fixed point, a horizontal pass rounded to bytes, then a vertical
 * pass. Output equals Pillow's byte for byte.
 */
final class PillowBilinear {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PillowBilinear() {}

    static Pixels8 resize(Pixels8 in, int width, int height) {
        if (in.channels() != 3) throw new IllegalArgumentException("expected RGB, got " + in.channels() + " channels");
        if (in.width() == width && in.height() == height) return new Pixels8(width, height, 3, in.data().clone());
        byte[] src = in.data();
        int srcW = in.width();
        if (width != srcW) {
            src = horizontal(src, srcW, in.height(), Taps.of(srcW, width));
            srcW = width;
        }
        if (height != in.height()) src = vertical(src, srcW, in.height(), Taps.of(in.height(), height));
        return new Pixels8(width, height, 3, src);
    }

    private static byte[] horizontal(byte[] src, int srcW, int rows, Taps taps) {
        int outW = taps.count();
        byte[] out = new byte[outW * rows * 3];
        for (int y = 0; y < rows; y++) {
            int rowIn = y * srcW * 3, rowOut = y * outW * 3;
            for (int x = 0; x < outW; x++) {
                int first = taps.first[x], n = taps.length[x], k0 = x * taps.size;
                int r = HALF, g = HALF, b = HALF;
                for (int j = 0; j < n; j++) {
                    int p = rowIn + (first + j) * 3, k = taps.weights[k0 + j];
                    r += (src[p] & 0xFF) * k;
                    g += (src[p + 1] & 0xFF) * k;
                    b += (src[p + 2] & 0xFF) * k;
                }
                out[rowOut + x * 3] = clip8(r);
                out[rowOut + x * 3 + 1] = clip8(g);
                out[rowOut + x * 3 + 2] = clip8(b);
            }
        }
        return out;
    }

    private static byte[] vertical(byte[] src, int width, int srcH, Taps taps) {
        int outH = taps.count(), rowLen = width * 3;
        byte[] out = new byte[outH * rowLen];
        int[] acc = new int[rowLen];
        for (int y = 0; y < outH; y++) {
            java.util.Arrays.fill(acc, HALF);
            int first = taps.first[y], n = taps.length[y], k0 = y * taps.size;
            for (int j = 0; j < n; j++) {
                int rowIn = (first + j) * rowLen, k = taps.weights[k0 + j];
                for (int i = 0; i < rowLen; i++) acc[i] += (src[rowIn + i] & 0xFF) * k;
            }
            int rowOut = y * rowLen;
            for (int i = 0; i < rowLen; i++) out[rowOut + i] = clip8(acc[i]);
        }
        return out;
    }

    private static byte clip8(int fixed) {
        int v = fixed >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    /** Pillow's {@code precompute_coeffs} for the bilinear filter (support 1), in fixed point. */
    private record Taps(int size, int[] first, int[] length, int[] weights) {
        int count() {
            return first.length;
        }

        static Taps of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outSize], length = new int[outSize], weights = new int[outSize * size];
            double[] k = new double[size];
            double inverseScale = 1.0 / filterScale;
            for (int o = 0; o < outSize; o++) {
                double center = (o + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize) - min;
                double total = 0;
                for (int j = 0; j < max; j++) {
                    double w = triangle((j + min - center + 0.5) * inverseScale);
                    k[j] = w;
                    total += w;
                }
                for (int j = 0; j < max; j++) {
                    double w = total != 0 ? k[j] / total : k[j];
                    weights[o * size + j] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
                }
                first[o] = min;
                length[o] = max;
            }
            return new Taps(size, first, length, weights);
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1.0 ? 1.0 - a : 0.0;
        }
    }
}
