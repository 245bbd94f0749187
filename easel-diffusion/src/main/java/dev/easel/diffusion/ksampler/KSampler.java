package dev.easel.diffusion.ksampler;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.guidance.CfgGuider;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.noise.LatentNoise;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.diffusion.schedule.SigmaPlan;
import dev.easel.tensor.Tensor;

/**
 * ComfyUI's {@code common_ksampler}: the schedule for the request, the seed's noise, guidance,
 * then one {@link SampleRun}. The result is a latent in the VAE's space, with the input's mask and
 * batch indices kept.
 */
public final class KSampler {
    private KSampler() {
    }

    public static Latent sample(DiffusionModel model, SamplingRequest request, Conditioning positive,
                                Conditioning negative, Latent latent, StepListener listener) {
        Latent input = SampleRun.withModelChannels(model, latent);
        Tensor samples = input.samples();
        Tensor noise = request.addNoise()
                ? LatentNoise.prepare(request.seed(), samples.shape(), input.batchIndex())
                : Tensor.zeros(samples.shape());
        double[] sigmas = SigmaPlan.forSteps(model.sampling(), request.scheduler(), request.steps(), request.denoise(),
                request.sampler().discardsPenultimateSigma());
        sigmas = SigmaPlan.slice(sigmas, request.startStep(), request.lastStep(), request.forceFullDenoise());
        CfgGuider guider = new CfgGuider(model, positive, negative, request.cfg());
        return new SampleRun(model, guider, request.sampler(), request.seed()).run(sigmas, noise, input, listener);
    }
}
