package dev.easel.diffusion.preview;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.JpegEncoding;
import dev.easel.tensor.image.Pixels8;

import java.util.Arrays;

/**
 * ComfyUI's Latent2RGB previews: the first item of the sampler's x₀ estimate mapped to RGB
 * by the latent format's linear factors, one pixel per latent position, then sent the way
 * ComfyUI's server sends previews (fitted into a square, bilinear, JPEG quality 95).
 */
public final class LatentPreview {
    private final LatentFormat format;
    private final float[] factors;
    private final float[] bias;

    public LatentPreview(LatentFormat format) {
        this.format = format;
        int c = format.channels();
        this.factors = new float[c * 3];
        for (int ch = 0; ch < c; ch++) for (int rgb = 0; rgb < 3; rgb++) factors[ch * 3 + rgb] = format.rgbFactor(ch, rgb);
        this.bias = new float[]{format.rgbBias(0), format.rgbBias(1), format.rgbBias(2)};
    }

    /**
     * The preview of item 0 of {@code denoised} ({@code [B, C, h, w]}, or {@code [B, C, T, h, w]}
     * whose frame 0 is used): {@code rgb = Σ_c x_c·F[c] + bias}, then
     * {@code ((rgb + 1)/2)} clamped to 0..1, times 255, truncated to a byte as torch's uint8 cast does.
     */
    public Pixels8 rgb(Tensor denoised) {
        int[] s = denoised.shape();
        if ((s.length != 4 && s.length != 5) || s[1] != format.channels()) {
            throw new IllegalArgumentException("expected a [B, " + format.channels() + ", h, w] latent, got " + Arrays.toString(s));
        }
        int c = s[1], h = s[s.length - 2], w = s[s.length - 1];
        int plane = h * w;
        // Channel c of item 0, frame 0 starts at c·(frames·plane).
        int channelStride = s.length == 5 ? s[2] * plane : plane;
        float[] x = denoised.data();
        byte[] out = new byte[plane * 3];
        for (int p = 0; p < plane; p++) {
            for (int rgb = 0; rgb < 3; rgb++) {
                float sum = 0f;
                for (int ch = 0; ch < c; ch++) sum += x[ch * channelStride + p] * factors[ch * 3 + rgb];
                float v = ((sum + bias[rgb]) + 1f) / 2f;
                out[p * 3 + rgb] = (byte) (int) (Math.min(Math.max(v, 0f), 1f) * 255f);
            }
        }
        return new Pixels8(w, h, 3, out);
    }

    /**
     * The preview as ComfyUI's {@code send_image} encodes it: resized with Pillow's
     * {@code ImageOps.contain} into a {@code maxSize} square (which enlarges small previews as
     * well as shrinking large ones, keeping the aspect ratio), bilinear, then JPEG at quality 95.
     */
    public byte[] jpeg(Tensor denoised, int maxSize) {
        if (maxSize < 1) throw new IllegalArgumentException("preview size must be positive, got " + maxSize);
        Pixels8 small = rgb(denoised);
        int[] size = containedSize(small.width(), small.height(), maxSize);
        return JpegEncoding.encode(PillowBilinear.resize(small, size[0], size[1]), JpegEncoding.PREVIEW_QUALITY);
    }

    /** {@code ImageOps.contain}: the long side becomes {@code maxSize}, the other is rounded half to even. */
    static int[] containedSize(int width, int height, int maxSize) {
        double ratio = (double) width / height;
        if (ratio > 1.0) return new int[]{maxSize, Math.max(1, (int) Math.rint((double) height / width * maxSize))};
        if (ratio < 1.0) return new int[]{Math.max(1, (int) Math.rint((double) width / height * maxSize)), maxSize};
        return new int[]{maxSize, maxSize};
    }
}
