package dev.easel.server.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.wire.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the {@code __metadata__} object of a {@code .safetensors} file: an 8-byte little-endian
 * header length, then that many bytes of JSON. Headers over 1 MiB are refused, as ComfyUI does.
 */
public final class SafetensorsMetadata {
    static final long MAX_HEADER = 1024 * 1024;

    private SafetensorsMetadata() {}

    public static Optional<JsonNode> read(Path file) throws IOException {
        return read(file, MAX_HEADER);
    }

    /** The same with another bound on the header (ComfyUI reads previews from headers up to 8 MiB). */
    public static Optional<JsonNode> read(Path file, long maxHeader) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] size = in.readNBytes(8);
            if (size.length < 8) return Optional.empty();
            long length = ByteBuffer.wrap(size).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length <= 0 || length > maxHeader) return Optional.empty();
            byte[] header = in.readNBytes((int) length);
            if (header.length < length) return Optional.empty();
            JsonNode parsed;
            try {
                parsed = Json.MAPPER.readTree(header);
            } catch (IOException notJson) {
                return Optional.empty();
            }
            JsonNode metadata = parsed == null ? null : parsed.get("__metadata__");
            return metadata != null && metadata.isObject() ? Optional.of(metadata) : Optional.empty();
        }
    }
}
