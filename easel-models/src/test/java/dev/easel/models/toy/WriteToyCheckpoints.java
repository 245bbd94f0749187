package dev.easel.models.toy;

import dev.easel.models.safetensors.DType;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the tiny SD1, SD2-v and SDXL checkpoints of {@link ToyCheckpoints} (seed
 * {@link ToyCheckpoints#SEED}, fp16) into a folder, for the reference script that runs them
 * through ComfyUI: {@code java ... dev.easel.models.toy.WriteToyCheckpoints DIR}.
 */
public final class WriteToyCheckpoints {
    private WriteToyCheckpoints() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        ToyCheckpoints.write(dir.resolve("sd1.safetensors"), ToyCheckpoints.sd1(), ToyCheckpoints.SEED, DType.F16);
        ToyCheckpoints.write(dir.resolve("sd2v.safetensors"), ToyCheckpoints.sd2v(), ToyCheckpoints.SEED, DType.F16);
        ToyCheckpoints.write(dir.resolve("sdxl.safetensors"), ToyCheckpoints.sdxl(), ToyCheckpoints.SEED, DType.F16);
        System.out.println("wrote sd1, sd2v and sdxl .safetensors to " + dir);
    }
}
