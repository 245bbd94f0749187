package dev.easel.models.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One way a checkpoint can be stored in a {@code checkpoints} folder: a diffusers ONNX folder now,
 * a single {@code .safetensors} file next. The library asks each format in turn whether it
 * recognises an entry, lists the entries some format recognises, and loads through that format.
 */
public interface CheckpointFormat {

    /** Names the format in cache keys and messages, e.g. {@code diffusers-onnx}. */
    String id();

    /** Whether {@code entry} (a file or folder inside a checkpoints folder) is a checkpoint of this format. */
    boolean recognises(Path entry);

    /** Loads a recognised entry; a missing or malformed part is an IOException naming the file. */
    LoadedCheckpoint load(Path entry) throws IOException;

    /** How LoRAs are merged into a recognised entry, if this format can merge them. */
    default Optional<LoraPatching> loraPatching(Path entry) {
        return Optional.empty();
    }
}
