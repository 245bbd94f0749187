package dev.easel.models.safetensors;

import java.io.IOException;
import java.nio.file.Path;

/** A {@code .safetensors} file that cannot be read as one: the message names the file and what is wrong. */
public final class SafetensorsException extends IOException {
    public SafetensorsException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
