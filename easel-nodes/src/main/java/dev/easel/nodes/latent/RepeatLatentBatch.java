package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The batch repeated {@code amount} times. Batch indices, when the latent has them, continue past
 * the original span, so every copy gets fresh noise; a batch of masks is repeated with it, a
 * single mask is kept.
 */
public final class RepeatLatentBatch extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("RepeatLatentBatch")
            .displayName("Repeat Latent Batch")
            .category("model/latent/batch")
            .searchAliases("duplicate latent", "clone latent")
            .required("samples", "LATENT")
            .required("amount", "INT", "default", 1, "min", 1, "max", 64)
            .output("LATENT")
            .build();

    public RepeatLatentBatch() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Latent latent = inputs.get("samples", Latent.class);
        int amount = inputs.getInt("amount");
        var mask = latent.noiseMask().map(m -> m.dim(0) > 1 ? Batches.repeat(m, amount) : m);
        Optional<List<Integer>> indices = latent.batchIndex().map(list -> continued(list, amount));
        return NodeResult.of(new Latent(Batches.repeat(latent.samples(), amount), mask, indices));
    }

    private static List<Integer> continued(List<Integer> indices, int amount) {
        int offset = Collections.max(indices) - Collections.min(indices) + 1;
        List<Integer> out = new ArrayList<>(indices);
        for (int copy = 1; copy < amount; copy++) {
            for (int index : indices) out.add(index + copy * offset);
        }
        return out;
    }
}
