package dev.easel.nodes.sampling;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.ksampler.SamplingRequest;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.DeclaredNode;

/** Denoises a latent with a model, a positive and a negative conditioning, streaming a preview per step. */
public final class KSampler extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("KSampler")
            .displayName("KSampler")
            .category("model/sampling")
            .description("Uses the provided model, positive and negative conditioning to denoise the latent image.")
            .searchAliases("sampler", "sample", "generate", "denoise", "diffuse", "txt2img", "img2img")
            .required("model", "MODEL", "tooltip", "The model used for denoising the input latent.")
            .required("seed", "INT", "default", 0, "min", 0, "max", Seeds.MAX, "control_after_generate", true,
                    "tooltip", "The random seed used for creating the noise.")
            .required("steps", "INT", "default", 20, "min", 1, "max", 10000,
                    "tooltip", "The number of steps used in the denoising process.")
            .required("cfg", "FLOAT", "default", 8.0, "min", 0.0, "max", 100.0, "step", 0.1, "round", 0.01,
                    "tooltip", "The Classifier-Free Guidance scale balances creativity and adherence to the prompt. "
                            + "Higher values result in images more closely matching the prompt however too high values "
                            + "will negatively impact quality.")
            .requiredCombo("sampler_name", Sampler.wireNames(),
                    "tooltip", "The algorithm used when sampling, this can affect the quality, speed, and style of the generated output.")
            .requiredCombo("scheduler", Scheduler.wireNames(),
                    "tooltip", "The scheduler controls how noise is gradually removed to form the image.")
            .required("positive", "CONDITIONING",
                    "tooltip", "The conditioning describing the attributes you want to include in the image.")
            .required("negative", "CONDITIONING",
                    "tooltip", "The conditioning describing the attributes you want to exclude from the image.")
            .required("latent_image", "LATENT", "tooltip", "The latent image to denoise.")
            .required("denoise", "FLOAT", "default", 1.0, "min", 0.0, "max", 1.0, "step", 0.01,
                    "tooltip", "The amount of denoising applied, lower values will maintain the structure of the "
                            + "initial image allowing for image to image sampling.")
            .output("LATENT")
            .outputTooltip("The denoised latent.")
            .build();

    private final PackEnvironment env;

    public KSampler(PackEnvironment env) {
        super(SCHEMA);
        this.env = env;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        SamplingRequest request = SamplingRequest.simple(Seeds.read(inputs, "seed"), inputs.getInt("steps"),
                inputs.getDouble("cfg"), SamplingNames.sampler(inputs.getString("sampler_name")),
                SamplingNames.scheduler(inputs.getString("scheduler")), inputs.getDouble("denoise"));
        return NodeResult.of(sample(ctx, env, inputs, request));
    }

    /** The run both KSampler nodes share: their inputs of the same names, sampled with previews. */
    static Latent sample(NodeContext ctx, PackEnvironment env, Inputs inputs, SamplingRequest request) {
        DiffusionModel model = inputs.get("model", DiffusionModel.class);
        Conditioning positive = inputs.get("positive", Conditioning.class);
        Conditioning negative = inputs.get("negative", Conditioning.class);
        Latent latent = inputs.get("latent_image", Latent.class);
        return SamplingProgress.around(ctx, env, model.latentFormat(), listener ->
                dev.easel.diffusion.ksampler.KSampler.sample(model, request, positive, negative, latent, listener));
    }
}
