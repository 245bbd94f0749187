package dev.easel.diffusion.guidance;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;
import dev.easel.tensor.image.Resize;
import dev.easel.tensor.image.ResizeMethod;

/**
 * ComfyUI's {@code prepare_mask}/{@code reshape_mask} for a 4-D latent: the mask is read as a
 * stack of {@code [h, w]} planes, resized bilinearly to the latent's size, repeated over the
 * channels, then repeated or cut to the latent's batch.
 */
final class DenoiseMask {
    private DenoiseMask() {}

    static Tensor fit(Tensor mask, int[] latentShape) {
        int b = latentShape[0], c = latentShape[1], h = latentShape[2], w = latentShape[3];
        int mh = mask.dim(-2), mw = mask.dim(-1), planes = mask.size() / (mh * mw);
        Tensor stack = mask.reshape(planes, mh, mw);
        if (mh != h || mw != w) stack = Resize.resize(stack, w, h, ResizeMethod.BILINEAR, CropMode.DISABLED);
        float[] src = stack.data(), out = new float[b * c * h * w];
        int plane = h * w;
        for (int n = 0; n < b; n++) {
            int from = (n % planes) * plane;
            for (int ch = 0; ch < c; ch++) System.arraycopy(src, from, out, (n * c + ch) * plane, plane);
        }
        return Tensor.of(out, b, c, h, w);
    }
}
