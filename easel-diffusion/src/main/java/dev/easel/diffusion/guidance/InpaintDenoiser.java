package dev.easel.diffusion.guidance;

import dev.easel.diffusion.model.ModelSampling;
import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.tensor.Tensor;

/**
 * ComfyUI's {@code KSamplerX0Inpaint}: where the denoise mask is 0 the model sees the original
 * latent noised to the current σ (with the sampling's own noise) and the estimate is pinned to
 * the original latent; where it is 1 the sampler works freely; values between blend. The
 * unconditional estimate passes through unmasked, as ComfyUI's CFG++ hook sees it.
 */
public final class InpaintDenoiser implements Denoiser {
    private final Denoiser inner;
    private final ModelSampling sampling;
    private final Tensor latentImage;
    private final Tensor noise;
    private final Tensor mask;
    private final Tensor keep;

    public InpaintDenoiser(Denoiser inner, ModelSampling sampling, Tensor latentImage, Tensor noise, Tensor denoiseMask) {
        this.inner = inner;
        this.sampling = sampling;
        this.latentImage = latentImage;
        this.noise = noise;
        this.mask = DenoiseMask.fit(denoiseMask, latentImage.shape());
        this.keep = mask.map(m -> 1f - (float) m);
    }

    @Override
    public Prediction predict(Tensor x, double sigma) {
        Tensor original = sampling.noiseScaling(sigma, noise, latentImage, false);
        Tensor input = x.mul(mask).add(original.mul(keep));
        Prediction p = inner.predict(input, sigma);
        Tensor denoised = p.denoised().mul(mask).add(latentImage.mul(keep));
        return new Prediction(denoised, p.unconditional());
    }
}
