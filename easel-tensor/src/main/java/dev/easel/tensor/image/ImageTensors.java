package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/**
 * Conversions between IMAGE tensors {@code [B,H,W,C]} (C = 3 or 4, values 0..1) and 8-bit
 * pixels. Float to byte follows ComfyUI's {@code clip(255 * v, 0, 255)} cast to uint8, which
 * truncates: 0.5 saves as 127, not 128. The product is taken in float32 so that values such as
 * {@code 2/3f} land exactly where numpy puts them (170).
 */
public final class ImageTensors {
    private ImageTensors() {}

    /** One float in 0..1 to its 8-bit value (NaN becomes 0). */
    public static int toByte(float value) {
        float scaled = value * 255f;
        if (!(scaled > 0f)) return 0;
        if (scaled >= 255f) return 255;
        return (int) scaled;
    }

    public static float fromByte(int value) {
        return (value & 0xFF) / 255f;
    }

    /** Batch item {@code index} of an IMAGE (or a MASK {@code [B,H,W]}, giving one channel). */
    public static Pixels8 toPixels(Tensor image, int index) {
        int[] shape = image.shape();
        int height, width, channels;
        if (shape.length == 4) {
            height = shape[1];
            width = shape[2];
            channels = shape[3];
        } else if (shape.length == 3) {
            height = shape[1];
            width = shape[2];
            channels = 1;
        } else {
            throw new IllegalArgumentException("expected an image [B,H,W,C] or mask [B,H,W], got " + Arrays.toString(shape));
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("cannot convert an image with " + channels + " channels to pixels");
        }
        if (index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("batch index " + index + " of " + shape[0]);
        }
        int count = height * width * channels;
        float[] src = image.data();
        int offset = index * count;
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) out[i] = (byte) toByte(src[offset + i]);
        return new Pixels8(width, height, channels, out);
    }

    /** Pixels to a one-image batch {@code [1,H,W,C]}. */
    public static Tensor fromPixels(Pixels8 pixels) {
        byte[] src = pixels.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) out[i] = (src[i] & 0xFF) / 255f;
        return Tensor.of(out, 1, pixels.height(), pixels.width(), pixels.channels());
    }

    /** Checks that a value is an IMAGE tensor and returns its shape. */
    public static int[] requireImage(Tensor image) {
        int[] shape = image.shape();
        if (shape.length != 4 || shape[3] < 1 || shape[3] > 4) {
            throw new IllegalArgumentException("expected an IMAGE tensor [B,H,W,C], got " + Arrays.toString(shape));
        }
        return shape;
    }
}
