package dev.easel.diffusion.guidance;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.tensor.Tensor;

/**
 * Where one conditioning entry applies to x {@code [B,C,H,W]} and with what weight (ComfyUI's
 * {@code get_area_and_mult}): the whole latent with weight = strength, or its area, clamped to
 * the latent, with the strength faded in over up to 8 latent pixels on every edge that does not
 * touch the latent's border, so that neighbouring areas blend.
 */
record Region(int y, int x, int height, int width, Tensor input, Tensor weight) {
    private static final int FEATHER = 8;

    static Region of(ConditioningEntry entry, Tensor latent) {
        int b = latent.dim(0), c = latent.dim(1), fullH = latent.dim(2), fullW = latent.dim(3);
        float strength = (float) entry.strength();
        if (entry.area().isEmpty()) {
            return new Region(0, 0, fullH, fullW, latent, Tensor.full(strength, b, c, fullH, fullW));
        }
        var area = entry.area().get();
        int h = Math.min(fullH - area.y(), area.height()), w = Math.min(fullW - area.x(), area.width());
        Tensor crop = crop(latent, area.y(), area.x(), h, w);
        float[] weight = new float[b * c * h * w];
        java.util.Arrays.fill(weight, strength);
        int rrH = Math.min(FEATHER, h / 4), rrW = Math.min(FEATHER, w / 4);
        for (int t = 0; t < rrH; t++) {
            float fade = (float) ((1.0 / rrH) * (t + 1));
            if (area.y() != 0) scaleRow(weight, b * c, h, w, t, fade);
            if (h + area.y() < fullH) scaleRow(weight, b * c, h, w, h - 1 - t, fade);
        }
        for (int t = 0; t < rrW; t++) {
            float fade = (float) ((1.0 / rrW) * (t + 1));
            if (area.x() != 0) scaleColumn(weight, b * c, h, w, t, fade);
            if (w + area.x() < fullW) scaleColumn(weight, b * c, h, w, w - 1 - t, fade);
        }
        return new Region(area.y(), area.x(), h, w, crop, Tensor.of(weight, b, c, h, w));
    }

    /** Adds {@code value·weight} into {@code sum} and {@code weight} into {@code count} over this region. */
    void accumulate(float[] sum, float[] count, int[] fullShape, Tensor value) {
        int planes = fullShape[0] * fullShape[1], fullH = fullShape[2], fullW = fullShape[3];
        float[] v = value.data(), m = weight.data();
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < height; r++) {
                int src = (p * height + r) * width, dst = (p * fullH + y + r) * fullW + x;
                for (int col = 0; col < width; col++) {
                    sum[dst + col] += v[src + col] * m[src + col];
                    count[dst + col] += m[src + col];
                }
            }
        }
    }

    private static Tensor crop(Tensor latent, int y, int x, int h, int w) {
        int planes = latent.dim(0) * latent.dim(1), fullH = latent.dim(2), fullW = latent.dim(3);
        float[] in = latent.data(), out = new float[planes * h * w];
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < h; r++) System.arraycopy(in, (p * fullH + y + r) * fullW + x, out, (p * h + r) * w, w);
        }
        return Tensor.of(out, latent.dim(0), latent.dim(1), h, w);
    }

    private static void scaleRow(float[] weight, int planes, int h, int w, int row, float fade) {
        for (int p = 0; p < planes; p++) {
            for (int col = 0; col < w; col++) weight[(p * h + row) * w + col] *= fade;
        }
    }

    private static void scaleColumn(float[] weight, int planes, int h, int w, int col, float fade) {
        for (int p = 0; p < planes; p++) {
            for (int row = 0; row < h; row++) weight[(p * h + row) * w + col] *= fade;
        }
    }
}
