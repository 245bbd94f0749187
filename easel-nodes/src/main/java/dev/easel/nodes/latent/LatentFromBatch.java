package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A run of latents from a batch (a negative index counts from the end; both ends are clamped).
 * They keep their batch indices, so a sampler gives each the noise it had in the whole batch.
 */
public final class LatentFromBatch extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("LatentFromBatch")
            .displayName("Get Latent From Batch")
            .category("model/latent/batch")
            .searchAliases("select from batch", "pick latent", "batch subset")
            .required("samples", "LATENT")
            .required("batch_index", "INT", "default", 0, "min", -Resolution.MAX, "max", Resolution.MAX)
            .required("length", "INT", "default", 1, "min", 1, "max", 64)
            .output("LATENT")
            .build();

    public LatentFromBatch() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Latent latent = inputs.get("samples", Latent.class);
        Tensor samples = latent.samples();
        int batch = samples.dim(0);
        int index = inputs.getInt("batch_index");
        if (index < 0) index += batch;
        int from = Math.max(0, Math.min(batch - 1, index));
        int to = from + Math.min(batch - from, inputs.getInt("length"));
        Optional<Tensor> mask = latent.noiseMask().map(m -> maskFor(m, batch, from, to));
        List<Integer> indices = latent.batchIndex()
                .map(all -> all.subList(Math.min(from, all.size()), Math.min(to, all.size())))
                .orElseGet(() -> IntStream.range(from, to).boxed().toList());
        return NodeResult.of(new Latent(samples.slice0(from, to), mask, Optional.of(indices)));
    }

    /** A single mask serves every latent; a shorter batch of masks is cycled to the latents' count first. */
    private static Tensor maskFor(Tensor masks, int batch, int from, int to) {
        if (masks.dim(0) == 1) return masks;
        if (masks.dim(0) < batch) {
            masks = Batches.repeat(masks, (batch + masks.dim(0) - 1) / masks.dim(0)).slice0(0, batch);
        }
        return Batches.slice(masks, from, to);
    }
}
