package dev.easel.nodes.sampling;

import dev.easel.diffusion.ksampler.SamplingRequest;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.DeclaredNode;

import java.util.List;

/** KSampler over a slice of the schedule, with the noise and the final full denoise switchable. */
public final class KSamplerAdvanced extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("KSamplerAdvanced")
            .displayName("KSampler (Advanced)")
            .category("model/sampling")
            .required("model", "MODEL")
            .requiredCombo("add_noise", List.of("enable", "disable"), "advanced", true)
            .required("noise_seed", "INT", "default", 0, "min", 0, "max", Seeds.MAX, "control_after_generate", true)
            .required("steps", "INT", "default", 20, "min", 1, "max", 10000)
            .required("cfg", "FLOAT", "default", 8.0, "min", 0.0, "max", 100.0, "step", 0.1, "round", 0.01)
            .requiredCombo("sampler_name", Sampler.wireNames())
            .requiredCombo("scheduler", Scheduler.wireNames())
            .required("positive", "CONDITIONING")
            .required("negative", "CONDITIONING")
            .required("latent_image", "LATENT")
            .required("start_at_step", "INT", "default", 0, "min", 0, "max", 10000, "advanced", true)
            .required("end_at_step", "INT", "default", 10000, "min", 0, "max", 10000, "advanced", true)
            .requiredCombo("return_with_leftover_noise", List.of("disable", "enable"), "advanced", true)
            .output("LATENT")
            .build();

    private final PackEnvironment env;

    public KSamplerAdvanced(PackEnvironment env) {
        super(SCHEMA);
        this.env = env;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        SamplingRequest request = new SamplingRequest(Seeds.read(inputs, "noise_seed"), inputs.getInt("steps"),
                inputs.getDouble("cfg"), SamplingNames.sampler(inputs.getString("sampler_name")),
                SamplingNames.scheduler(inputs.getString("scheduler")), 1.0,
                !inputs.getString("add_noise").equals("disable"),
                inputs.getInt("start_at_step"), inputs.getInt("end_at_step"),
                !inputs.getString("return_with_leftover_noise").equals("enable"));
        return NodeResult.of(KSampler.sample(ctx, env, inputs, request));
    }
}
