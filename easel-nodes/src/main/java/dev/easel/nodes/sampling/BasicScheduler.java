package dev.easel.nodes.sampling;

import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.diffusion.schedule.SigmaPlan;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

/**
 * A model's schedule for a number of steps. Below full denoise it is the tail of a longer
 * schedule ({@code int(steps/denoise)} steps), and denoise 0 gives no sigmas at all.
 */
public final class BasicScheduler extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("BasicScheduler")
            .v3()
            .category("model/sampling/schedulers")
            .pythonModule(CustomSampling.MODULE)
            .required("model", "MODEL")
            .requiredCombo("scheduler", Scheduler.wireNames(), "multiselect", false)
            .required("steps", "INT", "default", 20, "min", 1, "max", 10000)
            .required("denoise", "FLOAT", "default", 1.0, "min", 0.0, "max", 1.0, "step", 0.01)
            .output("SIGMAS")
            .build();

    public BasicScheduler() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        DiffusionModel model = inputs.get("model", DiffusionModel.class);
        double denoise = inputs.getDouble("denoise");
        if (denoise <= 0) return NodeResult.of(new Sigmas(new double[0]));
        Scheduler scheduler = SamplingNames.scheduler(inputs.getString("scheduler"));
        // unlike KSampler, this node never drops the penultimate sigma, whatever sampler follows
        return NodeResult.of(new Sigmas(SigmaPlan.forSteps(model.sampling(), scheduler, inputs.getInt("steps"), denoise, false)));
    }
}
