package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;

/**
 * torch's {@code adaptive_avg_pool2d}, which ComfyUI's {@code area} mode is: output cell i
 * averages source cells {@code floor(i*in/out)} to {@code ceil((i+1)*in/out)}. The sum is kept
 * in float32 and divided by height then width, as the CPU kernel does, so integer-factor
 * shrinks match bit for bit.
 */
final class AreaPooling {
    private AreaPooling() {}

    static Tensor pool(Tensor image, int outW, int outH, Runnable checkpoint) {
        int b = image.dim(0), h = image.dim(1), w = image.dim(2), c = image.dim(3);
        float[] src = image.data();
        float[] out = new float[b * outH * outW * c];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < outH; oy++) {
                checkpoint.run();
                int y0 = start(oy, h, outH), y1 = end(oy, h, outH);
                for (int ox = 0; ox < outW; ox++) {
                    int x0 = start(ox, w, outW), x1 = end(ox, w, outW);
                    for (int ch = 0; ch < c; ch++) {
                        float sum = 0f;
                        for (int y = y0; y < y1; y++) {
                            for (int x = x0; x < x1; x++) sum += src[((n * h + y) * w + x) * c + ch];
                        }
                        out[((n * outH + oy) * outW + ox) * c + ch] = sum / (y1 - y0) / (x1 - x0);
                    }
                }
            }
        }
        return Tensor.of(out, b, outH, outW, c);
    }

    private static int start(int i, int in, int out) {
        return (int) Math.floor((double) i * in / out);
    }

    private static int end(int i, int in, int out) {
        return (int) Math.ceil((double) (i + 1) * in / out);
    }
}
