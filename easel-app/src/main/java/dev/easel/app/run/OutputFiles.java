package dev.easel.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.app.config.Folders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a node's UI output entries ({@code {"filename", "subfolder", "type"}}) lie on disk:
 * {@code type} picks the output, temp or input folder, as {@code /view} does.
 */
final class OutputFiles {
    /** The UI keys whose entries are files (ComfyUI's images, audio and video previews). */
    private static final List<String> FILE_KEYS = List.of("images", "audio", "video", "gifs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputFiles() {
    }

    static List<Path> of(Map<String, List<Object>> ui, Folders folders) {
        List<Path> files = new ArrayList<>();
        for (String key : FILE_KEYS) {
            for (Object item : ui.getOrDefault(key, List.of())) {
                locate(item, folders).ifPresent(files::add);
            }
        }
        return files;
    }

    static Optional<Path> locate(Object item, Folders folders) {
        Map<?, ?> entry = item instanceof Map<?, ?> m ? m : asMap(item);
        if (!(entry.get("filename") instanceof String filename)) {
            return Optional.empty();
        }
        Path root = switch (String.valueOf(entry.get("type"))) {
            case "temp" -> folders.temp();
            case "input" -> folders.input();
            default -> folders.output();
        };
        String subfolder = entry.get("subfolder") instanceof String s ? s : "";
        return Optional.of(root.resolve(subfolder).resolve(filename).normalize());
    }

    /** Nodes may describe files as records; Jackson sees them the way the wire does. */
    private static Map<?, ?> asMap(Object item) {
        try {
            return JSON.convertValue(item, Map.class);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
