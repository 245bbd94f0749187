package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/**
 * Resizes IMAGE {@code [B,H,W,C]} and MASK {@code [B,H,W]} tensors the way ComfyUI's
 * {@code common_upscale} does: optional centre crop to the target aspect, then torch-style
 * interpolation ({@code nearest-exact}, {@code bilinear}, {@code bicubic} without
 * antialiasing, {@code area} as adaptive average pooling) or Pillow's Lanczos on 8-bit values.
 * A resize of a large image takes seconds; the {@code checkpoint} overload calls its argument
 * once per row, so that a caller can stop it (by throwing) between rows.
 */
public final class Resize {
    private Resize() {}

    public static Tensor resize(Tensor t, int width, int height, ResizeMethod method, CropMode crop) {
        return resize(t, width, height, method, crop, () -> { });
    }

    /** The same, calling {@code checkpoint} before each row of each pass; what it throws ends the resize. */
    public static Tensor resize(Tensor t, int width, int height, ResizeMethod method, CropMode crop, Runnable checkpoint) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("cannot resize to " + width + "x" + height);
        }
        boolean mask = t.rank() == 3;
        Tensor image = mask ? t.reshape(t.dim(0), t.dim(1), t.dim(2), 1) : t;
        if (image.rank() != 4) throw new IllegalArgumentException("cannot resize a tensor of shape " + Arrays.toString(t.shape()));
        if (crop == CropMode.CENTER) image = centerCrop(image, width, height);
        Tensor out = switch (method) {
            case NEAREST_EXACT -> separable(image, Taps.nearestExact(image.dim(2), width), Taps.nearestExact(image.dim(1), height), false, checkpoint);
            case BILINEAR -> separable(image, Taps.bilinear(image.dim(2), width), Taps.bilinear(image.dim(1), height), false, checkpoint);
            case BICUBIC -> separable(image, Taps.bicubic(image.dim(2), width), Taps.bicubic(image.dim(1), height), false, checkpoint);
            case LANCZOS -> separable(quantize(image), Taps.lanczos(image.dim(2), width), Taps.lanczos(image.dim(1), height), true, checkpoint);
            case AREA -> AreaPooling.pool(image, width, height, checkpoint);
        };
        return mask ? out.reshape(out.dim(0), out.dim(1), out.dim(2)) : out;
    }

    /** The centred region with the target's aspect ratio (offsets rounded half to even, as Python does). */
    static Tensor centerCrop(Tensor image, int width, int height) {
        int oldW = image.dim(2), oldH = image.dim(1);
        double oldAspect = (double) oldW / oldH;
        double newAspect = (double) width / height;
        int x = 0, y = 0;
        if (oldAspect > newAspect) {
            x = (int) Math.rint((oldW - oldW * (newAspect / oldAspect)) / 2);
        } else if (oldAspect < newAspect) {
            y = (int) Math.rint((oldH - oldH * (oldAspect / newAspect)) / 2);
        }
        // a very thin source (1x4 into 4x4) would round to nothing; keep at least one row and column
        x = Math.min(x, (oldW - 1) / 2);
        y = Math.min(y, (oldH - 1) / 2);
        return ImageGeometry.crop(image, x, y, oldW - 2 * x, oldH - 2 * y);
    }

    private static Tensor separable(Tensor image, Taps xs, Taps ys, boolean bytes, Runnable checkpoint) {
        int b = image.dim(0), h = image.dim(1), w = image.dim(2), c = image.dim(3);
        int outW = xs.index().length / xs.width(), outH = ys.index().length / ys.width();
        float[] src = image.data();
        float[] mid = new float[b * h * outW * c];
        for (int n = 0; n < b; n++) {
            for (int y = 0; y < h; y++) {
                checkpoint.run();
                int inRow = (n * h + y) * w;
                int outRow = (n * h + y) * outW;
                for (int ox = 0; ox < outW; ox++) {
                    for (int ch = 0; ch < c; ch++) {
                        float sum = 0f;
                        for (int k = 0; k < xs.width(); k++) {
                            int t = ox * xs.width() + k;
                            sum += xs.weight()[t] * src[(inRow + xs.index()[t]) * c + ch];
                        }
                        mid[(outRow + ox) * c + ch] = bytes ? roundByte(sum) : sum;
                    }
                }
            }
        }
        float[] out = new float[b * outH * outW * c];
        int rowLen = outW * c;
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < outH; oy++) {
                checkpoint.run();
                int outRow = (n * outH + oy) * rowLen;
                for (int i = 0; i < rowLen; i++) {
                    float sum = 0f;
                    for (int k = 0; k < ys.width(); k++) {
                        int t = oy * ys.width() + k;
                        sum += ys.weight()[t] * mid[(n * h + ys.index()[t]) * rowLen + i];
                    }
                    out[outRow + i] = bytes ? roundByte(sum) / 255f : sum;
                }
            }
        }
        return Tensor.of(out, b, outH, outW, c);
    }

    /** Lanczos works on 8-bit values, as ComfyUI hands those images to Pillow. */
    private static Tensor quantize(Tensor image) {
        float[] src = image.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) out[i] = ImageTensors.toByte(src[i]);
        return Tensor.of(out, image.shape());
    }

    private static float roundByte(float v) {
        return Math.min(255f, Math.max(0f, Math.round(v)));
    }
}
