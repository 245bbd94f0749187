package dev.easel.models.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Pickled PyTorch checkpoints ({@code .ckpt}, {@code .pt}, {@code .pth}, {@code .bin}): listed as
 * ComfyUI lists them, so that a workflow naming one gets a clear answer instead of "value not in
 * list", and refused when loaded, because unpickling runs code from the file. Easel never opens
 * them.
 */
public final class PickledCheckpointFormat implements CheckpointFormat {
    private static final List<String> EXTENSIONS = List.of(".ckpt", ".pt", ".pth", ".bin");

    @Override
    public String id() {
        return "pickle";
    }

    @Override
    public boolean recognises(Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(entry) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    @Override
    public LoadedCheckpoint load(Path entry) throws IOException {
        throw refusal(entry);
    }

    /** Why {@code file} (a pickled model of any kind) is not loaded, and what to use instead. */
    static IOException refusal(Path file) {
        return new IOException(file.getFileName() + " is a pickled PyTorch checkpoint, which Easel never loads because "
                + "unpickling runs code from the file; use the model's .safetensors release, or convert the file to "
                + ".safetensors with a tool you trust");
    }
}
