package dev.easel.bench.nodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.CoreNodePack;
import dev.easel.nodes.GenerationNodePack;

import java.util.List;

/**
 * The registries benchmarks run against: the built-in nodes plus the benchmark nodes. Not a
 * ServiceLoader pack on purpose: these nodes exist only inside benchmark processes.
 */
public final class BenchNodes {
    public static final String PACK = "bench";

    private BenchNodes() {
    }

    public static List<NodeDefinition> all(ProgressStamps stamps) {
        return List.of(new ChainStart(), new ChainLink(), new ChainEnd(), new ProgressProbe(stamps), new TestImages());
    }

    public static NodeRegistry registry(PackEnvironment env, ProgressStamps stamps) {
        return builder(env, stamps).build();
    }

    /** With the generation nodes (loaders, text encoding, sampling) too, and {@code BenchStampedModel}. */
    public static NodeRegistry generationRegistry(PackEnvironment env, ProgressStamps stamps, ModelCallStamps calls) {
        return builder(env, stamps).addPack(new GenerationNodePack(), env).add(PACK, new StampedModel(calls)).build();
    }

    private static NodeRegistry.Builder builder(PackEnvironment env, ProgressStamps stamps) {
        NodeRegistry.Builder builder = NodeRegistry.builder().addPack(new CoreNodePack(), env);
        all(stamps).forEach(node -> builder.add(PACK, node));
        return builder;
    }
}
