package dev.easel.nodes.latent;

import dev.easel.tensor.Tensor;

/**
 * VAEEncodeForInpaint's mask growth: the rounded mask convolved with a {@code g x g} box of ones
 * (zero padding {@code ceil((g-1)/2)}), clamped to 0..1 and cut to the mask's own size. For an
 * even {@code g} the box reaches one pixel further down and right than up and left, as in
 * ComfyUI. Computed as two one-dimensional box sums, exact for 0/1 values.
 */
final class MaskGrowth {
    private MaskGrowth() {
    }

    /** {@code masks} is {@code [M, H, W]}; the result has the same shape. */
    static Tensor grow(Tensor masks, int g) {
        int m = masks.dim(0), h = masks.dim(1), w = masks.dim(2);
        int pad = g / 2; // ceil((g - 1) / 2) for every g >= 1
        float[] src = masks.data(), out = new float[src.length];
        float[] rows = new float[h * w];
        for (int k = 0; k < m; k++) {
            int base = k * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0f;
                    for (int dx = 0; dx < g; dx++) {
                        int sx = x - pad + dx;
                        if (sx >= 0 && sx < w) sum += (float) Math.rint(src[base + y * w + sx]);
                    }
                    rows[y * w + x] = sum;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0f;
                    for (int dy = 0; dy < g; dy++) {
                        int sy = y - pad + dy;
                        if (sy >= 0 && sy < h) sum += rows[sy * w + x];
                    }
                    out[base + y * w + x] = Math.min(1f, Math.max(0f, sum));
                }
            }
        }
        return Tensor.of(out, m, h, w);
    }
}
