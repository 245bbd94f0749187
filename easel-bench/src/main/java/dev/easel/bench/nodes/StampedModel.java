package dev.easel.bench.nodes;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * {@code BenchStampedModel}: the same MODEL, stamping the time each of its calls returns. With a
 * sampler that evaluates the model once per step (euler; guidance batches the positive and
 * negative rows into that one call), stamp i is the end of step i's model work. The sampler
 * hands the step to its listener right after (the rest of guidance and the sampler's derivative,
 * a fraction of a millisecond), so a latency measured from the stamp is, if anything, slightly long.
 */
public final class StampedModel implements NodeDefinition {
    public static final String CLASS_TYPE = "BenchStampedModel";
    private static final NodeSchema SCHEMA = NodeSchema.builder(CLASS_TYPE).category("bench")
            .required("model", "MODEL")
            .output("MODEL")
            .build();

    private final ModelCallStamps stamps;

    public StampedModel(ModelCallStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(new Stamped(inputs.get("model", DiffusionModel.class), stamps));
    }

    private record Stamped(DiffusionModel model, ModelCallStamps stamps) implements DiffusionModel {
        @Override
        public ModelSampling sampling() {
            return model.sampling();
        }

        @Override
        public LatentFormat latentFormat() {
            return model.latentFormat();
        }

        @Override
        public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
            Tensor out = model.apply(xIn, timesteps, conds);
            stamps.mark();
            return out;
        }

        @Override
        public int maxBatch() {
            return model.maxBatch();
        }
    }
}
