package dev.easel.models.single;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The tensors a {@link CheckpointConfig} reads from a file, with their shapes, found by building
 * its graphs against a recorder instead of a file: exactly what {@link SingleFileLoader} will ask
 * for. Text encoders are listed under their first prefix. Useful to check a file before loading
 * it, and to write test checkpoints of any size.
 */
public final class CheckpointTensors {

    private CheckpointTensors() {
    }

    /** Key → shape, in the order the graphs ask for them (UNet, text encoders, VAE decoder, VAE encoder). */
    public static Map<String, long[]> expected(CheckpointConfig config) {
        Map<String, long[]> all = new LinkedHashMap<>();
        AttentionChunking chunking = AttentionChunking.none();
        record(all, UnetGraph.PREFIX, w -> new UnetGraph(config.unet(), w, chunking).build());
        for (CheckpointConfig.TextEncoder e : config.textEncoders()) {
            record(all, e.prefixes().get(0), w -> new ClipGraph(e.config(), w).build());
        }
        record(all, VaeGraph.PREFIX, w -> new VaeGraph(config.vae(), w, chunking).decoder());
        record(all, VaeGraph.PREFIX, w -> new VaeGraph(config.vae(), w, chunking).encoder());
        return Collections.unmodifiableMap(all);
    }

    private static void record(Map<String, long[]> into, String prefix, Function<GraphWeights, byte[]> builder) {
        OnnxGraph graph = OnnxGraph.named("shapes");
        Map<String, Value> declared = new LinkedHashMap<>();
        builder.apply(new GraphWeights() {
            @Override
            public OnnxGraph graph() {
                return graph;
            }

            @Override
            public Value get(String key, long... shape) {
                into.putIfAbsent(prefix + key, shape.clone());
                return declared.computeIfAbsent(key, k -> graph.external(k, ElementType.FLOAT,
                        java.util.Arrays.stream(shape).mapToInt(Math::toIntExact).toArray()));
            }
        });
    }
}
