package dev.easel.nodes.io;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.png.PngEncoder;

import dev.easel.engine.files.ContainedPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an IMAGE batch as numbered PNGs into the job's folder of one {@code type} (output or
 * temp, of the job's {@link FileSpace}), the common body of SaveImage and PreviewImage.
 * Metadata is the {@code prompt} JSON and one chunk per {@code extra_pnginfo} key, each JSON
 * written as Python would, unless metadata is switched off or larger than its limit.
 */
final class ImageSaver {
    private static final Logger LOG = LoggerFactory.getLogger(ImageSaver.class);

    private final String type;
    private final PngEncoder encoder;
    private final boolean metadata;
    private final long maxMetadataBytes;
    private final Optional<WriteBudget> budget;
    private final Clock clock;

    /**
     * @param maxMetadataBytes the most bytes of text chunks one file may carry; beyond it the
     *                         file is written without them
     * @param budget           when present, the bytes each prompt may write into its folder
     */
    ImageSaver(String type, int compressLevel, boolean metadata, long maxMetadataBytes,
               Optional<WriteBudget> budget, Clock clock) {
        this.type = type;
        this.encoder = new PngEncoder(compressLevel);
        this.metadata = metadata;
        this.maxMetadataBytes = maxMetadataBytes;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * Saves every image and returns the UI entries {@code {filename, subfolder, type}};
     * the run's interrupt is checked before each image is encoded (it stops a long batch there).
     */
    List<Map<String, Object>> save(NodeContext ctx, Tensor images, String prefix, Inputs inputs) throws IOException {
        int[] shape = ImageTensors.requireImage(images);
        String promptId = ctx.promptId();
        Path folder = ctx.files().root(type).orElseThrow();
        SavePath path = SavePath.resolve(prefix, folder, shape[2], shape[1], shape[0], LocalDateTime.now(clock));
        Map<String, String> text = metadata ? bounded(text(inputs), promptId) : Map.of();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < shape[0]; i++) {
            ctx.checkInterrupted();
            String file = path.fileName(i, "png");
            byte[] png = encoder.encode(ImageTensors.toPixels(images, i), text);
            if (budget.isPresent()) budget.get().charge(promptId, png.length);
            ContainedPath.write(path.folder().resolve(file), png);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("filename", file);
            entry.put("subfolder", path.subfolder());
            entry.put("type", type);
            results.add(entry);
        }
        return results;
    }

    private Map<String, String> bounded(Map<String, String> text, String promptId) {
        long bytes = 0;
        for (Map.Entry<String, String> chunk : text.entrySet()) {
            bytes += chunk.getKey().length() + (long) chunk.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes <= maxMetadataBytes) return text;
        LOG.warn("prompt {}: {} bytes of metadata exceed the limit of {} (--max-metadata-size); images saved without it",
                promptId, bytes, maxMetadataBytes);
        return Map.of();
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
