package dev.easel.nodes.latent;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;
import dev.easel.tensor.image.Resize;
import dev.easel.tensor.image.ResizeMethod;

/**
 * ComfyUI's {@code bislerp}: bilinear resampling in which each pair of neighbouring latent
 * pixels (vectors over the channels) is blended by spherical interpolation of their directions
 * and linear interpolation of their lengths; first along the width, then along the height.
 * Neighbours and ratios come from a bilinear resize of the pixel coordinates, exactly as ComfyUI
 * derives them.
 */
final class Bislerp {
    private static final float SAME = (float) (1 - 1e-5), OPPOSITE = (float) (1e-5 - 1);

    private Bislerp() {
    }

    static Tensor resize(Tensor samples, int width, int height) {
        int n = samples.dim(0), c = samples.dim(1), h = samples.dim(2), w = samples.dim(3);
        float[] wide = pass(samples.data(), n, c, h, w, Axis.of(w, width), true);
        float[] out = pass(wide, n, c, h, width, Axis.of(h, height), false);
        return Tensor.of(out, n, c, height, width);
    }

    /** One direction: along the width ({@code alongWidth}) or the height of {@code [n, c, h, w]}. */
    private static float[] pass(float[] src, int n, int c, int h, int w, Axis axis, boolean alongWidth) {
        int outH = alongWidth ? h : axis.size(), outW = alongWidth ? axis.size() : w;
        float[] out = new float[n * c * outH * outW];
        float[] b1 = new float[c], b2 = new float[c], res = new float[c];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    int o = alongWidth ? x : y;
                    for (int ch = 0; ch < c; ch++) {
                        int plane = (b * c + ch) * h * w;
                        b1[ch] = alongWidth ? src[plane + y * w + axis.first[o]] : src[plane + axis.first[o] * w + x];
                        b2[ch] = alongWidth ? src[plane + y * w + axis.second[o]] : src[plane + axis.second[o] * w + x];
                    }
                    slerp(b1, b2, axis.ratio[o], res);
                    for (int ch = 0; ch < c; ch++) out[((b * c + ch) * outH + y) * outW + x] = res[ch];
                }
            }
        }
        return out;
    }

    private static void slerp(float[] b1, float[] b2, float r, float[] res) {
        int c = b1.length;
        float n1 = norm(b1), n2 = norm(b2);
        float dot = 0f;
        for (int i = 0; i < c; i++) dot += unit(b1[i], n1) * unit(b2[i], n2);
        if (dot > SAME) {
            System.arraycopy(b1, 0, res, 0, c);
            return;
        }
        if (dot < OPPOSITE) {
            for (int i = 0; i < c; i++) res[i] = b1[i] * (1f - r) + b2[i] * r;
            return;
        }
        float omega = (float) Math.acos(dot), so = (float) Math.sin(omega);
        float w1 = (float) Math.sin((1f - r) * omega) / so, w2 = (float) Math.sin(r * omega) / so;
        float length = n1 * (1f - r) + n2 * r;
        for (int i = 0; i < c; i++) res[i] = (w1 * unit(b1[i], n1) + w2 * unit(b2[i], n2)) * length;
    }

    private static float norm(float[] v) {
        float sum = 0f;
        for (float x : v) sum += x * x;
        return (float) Math.sqrt(sum);
    }

    /** A component of the normalised vector; zero vectors stay zero. */
    private static float unit(float x, float norm) {
        return norm == 0f ? 0f : x / norm;
    }

    /** Per output position: the two source neighbours and the blend ratio between them. */
    private record Axis(int[] first, int[] second, float[] ratio) {
        int size() {
            return ratio.length;
        }

        static Axis of(int in, int out) {
            float[] coords = new float[in], shifted = new float[in];
            for (int i = 0; i < in; i++) {
                coords[i] = i;
                shifted[i] = i + 1;
            }
            shifted[in - 1] -= 1;
            float[] c1 = bilinear(coords, out), c2 = bilinear(shifted, out);
            int[] first = new int[out], second = new int[out];
            float[] ratio = new float[out];
            for (int o = 0; o < out; o++) {
                ratio[o] = c1[o] - (float) Math.floor(c1[o]);
                first[o] = (int) c1[o];
                second[o] = (int) c2[o];
            }
            return new Axis(first, second, ratio);
        }

        private static float[] bilinear(float[] values, int out) {
            return Resize.resize(Tensor.of(values, 1, 1, values.length), out, 1, ResizeMethod.BILINEAR, CropMode.DISABLED).data();
        }
    }
}
