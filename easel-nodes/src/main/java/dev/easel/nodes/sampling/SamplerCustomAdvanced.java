package dev.easel.nodes.sampling;

import dev.easel.diffusion.ksampler.SampleRun;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples with separately chosen noise, guider, sampler and schedule. Its second output is the
 * model's last x₀ estimate (in the VAE's space), or the result itself when no step ran.
 */
public final class SamplerCustomAdvanced extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("SamplerCustomAdvanced")
            .v3()
            .category("model/sampling/custom")
            .pythonModule(CustomSampling.MODULE)
            .required("noise", "NOISE")
            .required("guider", "GUIDER")
            .required("sampler", "SAMPLER")
            .required("sigmas", "SIGMAS")
            .required("latent_image", "LATENT")
            .output("LATENT", "output")
            .output("LATENT", "denoised_output")
            .build();

    private final PackEnvironment env;

    public SamplerCustomAdvanced(PackEnvironment env) {
        super(SCHEMA);
        this.env = env;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Noise noise = inputs.get("noise", Noise.class);
        Guider guider = inputs.get("guider", Guider.class);
        Sampler sampler = inputs.get("sampler", Sampler.class);
        double[] sigmas = inputs.get("sigmas", Sigmas.class).values();
        DiffusionModel model = guider.model();
        Latent latent = SampleRun.withModelChannels(model, inputs.get("latent_image", Latent.class));
        Tensor startNoise = noise.generate(latent);
        LatentFormat format = model.latentFormat();
        AtomicReference<Tensor> lastDenoised = new AtomicReference<>();
        Latent out = SamplingProgress.around(ctx, env, format, progress ->
                new SampleRun(model, guider.denoiser(), sampler, noise.seed()).run(sigmas, startNoise, latent, step -> {
                    lastDenoised.set(step.denoised());
                    progress.onStep(step);
                }));
        Latent denoised = lastDenoised.get() == null ? out : out.withSamples(format.processOut(lastDenoised.get()));
        return NodeResult.of(out, denoised);
    }
}
