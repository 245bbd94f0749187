package dev.easel.bench.nodes;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A batch of synthetic images: {@code gradient} (smooth, compresses like a photo's sky) or
 * {@code noise} (uniform random, the worst case for PNG). Image {@code b} is shifted by {@code b}
 * so no two frames are identical.
 */
public final class TestImages implements NodeDefinition {
    private static final NodeSchema SCHEMA = NodeSchema.builder("BenchImages").category("bench")
            .required("width", "INT", "default", 1024, "min", 1, "max", 16384)
            .required("height", "INT", "default", 1024, "min", 1, "max", 16384)
            .required("batch_size", "INT", "default", 8, "min", 1, "max", 64)
            .requiredCombo("pattern", List.of("gradient", "noise"))
            .required("seed", "INT", "default", 0, "min", 0)
            .output("IMAGE")
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        int width = inputs.getInt("width"), height = inputs.getInt("height"), batch = inputs.getInt("batch_size");
        boolean noise = "noise".equals(inputs.getString("pattern"));
        SplittableRandom random = new SplittableRandom(inputs.getLong("seed"));
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(batch, height), Math.multiplyExact(width, 3))];
        int i = 0;
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (noise) {
                        data[i++] = random.nextInt(256) / 255f;
                        data[i++] = random.nextInt(256) / 255f;
                        data[i++] = random.nextInt(256) / 255f;
                    } else {
                        data[i++] = ((x + b) % width) / (float) width;
                        data[i++] = y / (float) height;
                        data[i++] = ((x + y) % 256) / 255f;
                    }
                }
            }
        }
        return NodeResult.of(Tensor.of(data, batch, height, width, 3));
    }
}
