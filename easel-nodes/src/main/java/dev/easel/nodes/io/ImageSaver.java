package dev.easel.nodes.io;

import dev.easel.engine.node.Inputs;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.png.PngEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an IMAGE batch as numbered PNGs, the common body of SaveImage and PreviewImage.
 * Metadata is the {@code prompt} JSON and one chunk per {@code extra_pnginfo} key, each JSON
 * written as Python would, unless metadata is switched off.
 */
final class ImageSaver {
    private final Path folder;
    private final String type;
    private final PngEncoder encoder;
    private final boolean metadata;
    private final Clock clock;

    ImageSaver(Path folder, String type, int compressLevel, boolean metadata, Clock clock) {
        this.folder = folder;
        this.type = type;
        this.encoder = new PngEncoder(compressLevel);
        this.metadata = metadata;
        this.clock = clock;
    }

    /** Saves every image and returns the UI entries {@code {filename, subfolder, type}}. */
    List<Map<String, Object>> save(Tensor images, String prefix, Inputs inputs) throws IOException {
        int[] shape = ImageTensors.requireImage(images);
        SavePath path = SavePath.resolve(prefix, folder, shape[2], shape[1], shape[0], LocalDateTime.now(clock));
        Map<String, String> text = metadata ? text(inputs) : Map.of();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < shape[0]; i++) {
            String file = path.fileName(i, "png");
            Files.write(path.folder().resolve(file), encoder.encode(ImageTensors.toPixels(images, i), text));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("filename", file);
            entry.put("subfolder", path.subfolder());
            entry.put("type", type);
            results.add(entry);
        }
        return results;
    }

    private static Map<String, String> text(Inputs inputs) {
        Map<String, String> text = new LinkedHashMap<>();
        Object prompt = inputs.get("prompt");
        if (prompt != null) text.put("prompt", PythonJson.dumps(prompt));
        if (inputs.get("extra_pnginfo") instanceof Map<?, ?> extra) {
            extra.forEach((key, value) -> text.put(String.valueOf(key), PythonJson.dumps(value)));
        }
        return text;
    }
}
