package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/** Cropping and padding of channels-last tensors {@code [B,H,W,C]} (or masks {@code [B,H,W]}). */
public final class ImageGeometry {
    private ImageGeometry() {}

    /** The region {@code [y, y+height) x [x, x+width)} of every batch item; it must lie inside. */
    public static Tensor crop(Tensor t, int x, int y, int width, int height) {
        int[] s = t.shape();
        if (s.length != 3 && s.length != 4) throw new IllegalArgumentException("cannot crop a tensor of shape " + Arrays.toString(s));
        int b = s[0], h = s[1], w = s[2], c = s.length == 4 ? s[3] : 1;
        if (x < 0 || y < 0 || width < 0 || height < 0 || x + width > w || y + height > h) {
            throw new IllegalArgumentException("crop " + width + "x" + height + " at (" + x + "," + y + ") is outside "
                    + w + "x" + h);
        }
        float[] src = t.data();
        float[] out = new float[b * height * width * c];
        int rowLen = width * c;
        for (int n = 0; n < b; n++) {
            for (int row = 0; row < height; row++) {
                System.arraycopy(src, ((n * h + y + row) * w + x) * c, out, (n * height + row) * rowLen, rowLen);
            }
        }
        return s.length == 4 ? Tensor.of(out, b, height, width, c) : Tensor.of(out, b, height, width);
    }

    /** Places every item at {@code (left, top)} on a canvas of {@code fill}, growing it by the margins. */
    public static Tensor pad(Tensor t, int left, int top, int right, int bottom, float fill) {
        int[] s = t.shape();
        if (s.length != 3 && s.length != 4) throw new IllegalArgumentException("cannot pad a tensor of shape " + Arrays.toString(s));
        int b = s[0], h = s[1], w = s[2], c = s.length == 4 ? s[3] : 1;
        int newH = h + top + bottom, newW = w + left + right;
        float[] out = new float[b * newH * newW * c];
        if (fill != 0f) Arrays.fill(out, fill);
        float[] src = t.data();
        int rowLen = w * c;
        for (int n = 0; n < b; n++) {
            for (int row = 0; row < h; row++) {
                System.arraycopy(src, (n * h + row) * rowLen, out, ((n * newH + top + row) * newW + left) * c, rowLen);
            }
        }
        return s.length == 4 ? Tensor.of(out, b, newH, newW, c) : Tensor.of(out, b, newH, newW);
    }
}
