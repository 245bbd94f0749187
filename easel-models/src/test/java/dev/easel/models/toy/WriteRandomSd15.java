package dev.easel.models.toy;

import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsWriter;
import dev.easel.models.single.CheckpointConfig;
import dev.easel.models.single.CheckpointTensors;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Writes a full-size single-file checkpoint in SD1.5's layout with seeded random fp16 weights
 * (values as {@link ToyCheckpoints} describes, 1.07 billion parameters, about 2.1 GB), for
 * measuring the load of a real-sized model without downloading one:
 * {@code java -Xmx6g ... dev.easel.models.toy.WriteRandomSd15 FILE [SEED]}. It holds the whole
 * file in memory while writing. The tensors are exactly those {@link CheckpointTensors} lists
 * for {@link CheckpointConfig#sd15()}, plus the text encoder's {@code position_ids} that real
 * files carry.
 */
public final class WriteRandomSd15 {
    private WriteRandomSd15() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) throw new IllegalArgumentException("usage: WriteRandomSd15 FILE [SEED]");
        Path file = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : ToyCheckpoints.SEED;
        Map<String, long[]> tensors = CheckpointTensors.expected(CheckpointConfig.sd15());
        SafetensorsWriter.Entry positions = SafetensorsWriter.longs(LongStream.range(0, 77).toArray(), 1, 77);
        ToyCheckpoints.write(file, tensors, seed, DType.F16,
                Map.of("cond_stage_model.transformer.text_model.embeddings.position_ids", positions));
        long parameters = tensors.values().stream().mapToLong(s -> LongStream.of(s).reduce(1, Math::multiplyExact)).sum();
        System.out.println("wrote " + file + ": " + (tensors.size() + 1) + " tensors, " + parameters + " parameters, seed " + seed);
    }
}
