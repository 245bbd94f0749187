package dev.easel.diffusion.ksampler;

import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.diffusion.noise.GeneratorNoise;
import dev.easel.diffusion.noise.LatentNoise;
import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.guidance.CfgGuider;
import dev.easel.diffusion.guidance.InpaintDenoiser;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.sample.SamplingContext;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.tensor.Tensor;

import java.util.Optional;

/**
 * One sampling pass over a given schedule (ComfyUI's guider {@code sample} with its KSAMPLER):
 * the latent moved into the sampler's space, the noise scaled to σ₀, the noise mask applied at
 * every evaluation, the sampler run, and the result moved back into the VAE's space. Shared by
 * {@code KSampler} and {@code SamplerCustomAdvanced}.
 */
public final class SampleRun {
    private final DiffusionModel model;
    private final Denoiser guider;
    private final Sampler sampler;
    private final long seed;

    public SampleRun(DiffusionModel model, Denoiser guider, Sampler sampler, long seed) {
        this.model = model;
        this.guider = guider;
        this.sampler = sampler;
        this.seed = seed;
    }

    /**
     * Samples {@code latent} along {@code sigmas} from {@code noise} (unit variance, or zeros).
     * A schedule of fewer than two sigmas leaves the latent as it is, as ComfyUI does.
     */
    public Latent run(double[] sigmas, Tensor noise, Latent latent, StepListener listener) {
        if (sigmas.length < 2) return latent;
        LatentFormat format = model.latentFormat();
        ModelSampling sampling = model.sampling();
        Tensor latentIn = format.processIn(latent.samples());
        // ComfyUI turns the cfg = 1 shortcut off for CFG++ samplers: they renoise with the unconditional estimate
        Denoiser denoiser = sampler.usesUnconditional() && guider instanceof CfgGuider cfg ? cfg.alwaysUnconditional() : guider;
        Optional<Tensor> mask = latent.noiseMask();
        if (mask.isPresent()) {
            // ComfyUI's ddim draws fresh noise from seed + 1 for the kept region
            Tensor keptNoise = sampler == Sampler.DDIM ? LatentNoise.prepare(seed + 1, noise.shape(), Optional.empty()) : noise;
            denoiser = new InpaintDenoiser(denoiser, sampling, latentIn, keptNoise, mask.get());
        }
        double sigmaMax = sampling.sigmaMax();
        boolean maxDenoise = Math.abs(sigmas[0] - sigmaMax) <= 1e-5 * Math.max(Math.abs(sigmas[0]), Math.abs(sigmaMax))
                || sigmas[0] > sigmaMax;
        Tensor x = sampling.noiseScaling(sigmas[0], noise, latentIn, maxDenoise);
        // ComfyUI (0.8+) seeds its CPU noise generator for ancestral and SDE steps with seed + 1
        Tensor out = sampler.sample(denoiser, x, sigmas, new SamplingContext(new GeneratorNoise(seed + 1), listener));
        out = sampling.inverseNoiseScaling(sigmas[sigmas.length - 1], out);
        return latent.withSamples(format.processOut(out));
    }

    /**
     * ComfyUI's {@code fix_empty_latent_channels}: an all-zero latent with another channel count
     * than the model's (an SD-sized EmptyLatentImage given to a 16-channel model) becomes zeros of
     * the model's shape.
     */
    public static Latent withModelChannels(DiffusionModel model, Latent latent) {
        Tensor samples = latent.samples();
        int channels = model.latentFormat().channels();
        if (samples.dim(1) == channels || !samples.allEqual(0f)) return latent;
        int[] shape = samples.shape();
        shape[1] = channels;
        return latent.withSamples(Tensor.zeros(shape));
    }
}
