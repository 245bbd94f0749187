package dev.easel.diffusion.ksampler;

import dev.easel.tensor.Tensor;

/**
 * ComfyUI's {@code reshape_mask} for 2-D latents: a mask of any resolution ({@code [H,W]},
 * {@code [B,H,W]} or {@code [B,1,H,W]}) resized bilinearly (torch's align_corners=False, no
 * antialiasing) to the latent, repeated over channels and cycled over the batch.
 */
final class MaskShaping {
    private MaskShaping() {
    }

    static Tensor toLatent(Tensor mask, int[] latentShape) {
        int h = mask.dim(-2), w = mask.dim(-1);
        int masks = mask.size() / (h * w);
        int batch = latentShape[0], channels = latentShape[1], outH = latentShape[2], outW = latentShape[3];
        float[] src = mask.data();
        float[] out = new float[batch * channels * outH * outW];
        int plane = outH * outW;
        for (int b = 0; b < batch; b++) {
            float[] resized = bilinear(src, (b % masks) * h * w, h, w, outH, outW);
            for (int c = 0; c < channels; c++) System.arraycopy(resized, 0, out, (b * channels + c) * plane, plane);
        }
        return Tensor.of(out, batch, channels, outH, outW);
    }

    private static float[] bilinear(float[] src, int offset, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        float scaleY = (float) h / outH, scaleX = (float) w / outW;
        for (int y = 0; y < outH; y++) {
            float sy = Math.max(0f, (y + 0.5f) * scaleY - 0.5f);
            int y0 = Math.min((int) sy, h - 1), y1 = Math.min(y0 + 1, h - 1);
            float ly = sy - y0;
            for (int x = 0; x < outW; x++) {
                float sx = Math.max(0f, (x + 0.5f) * scaleX - 0.5f);
                int x0 = Math.min((int) sx, w - 1), x1 = Math.min(x0 + 1, w - 1);
                float lx = sx - x0;
                float top = src[offset + y0 * w + x0] * (1 - lx) + src[offset + y0 * w + x1] * lx;
                float bottom = src[offset + y1 * w + x0] * (1 - lx) + src[offset + y1 * w + x1] * lx;
                out[y * outW + x] = top * (1 - ly) + bottom * ly;
            }
        }
        return out;
    }
}
