package dev.easel.server.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.files.ContainedPath;
import dev.easel.server.files.ContentTypes;
import dev.easel.server.files.SafetensorsMetadata;
import dev.easel.server.wire.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pictures of a model file, as ComfyUI finds them: image files beside it named like it
 * ({@code model.png}) or as its preview ({@code model.preview.jpeg}), then the cover images a
 * safetensors file carries in its metadata ({@code ssmd_cover_images}, base64).
 */
public final class ModelPreviews {
    static final long MAX_HEADER = 8L * 1024 * 1024;

    private ModelPreviews() {
    }

    /** A preview: an image file in the folder, or image bytes from the model's metadata. */
    public sealed interface Preview {
        record File(Path path) implements Preview {}

        record Embedded(byte[] bytes) implements Preview {}
    }

    /** What looking for a model's preview found. */
    public sealed interface Lookup {
        record Found(Preview preview) implements Lookup {}

        /** The name, or the picture it leads to, is outside the folder. */
        record Outside() implements Lookup {}

        record None() implements Lookup {}
    }

    /** The first preview of {@code filename} under {@code folder}. */
    public static Lookup first(Path folder, String filename) throws IOException {
        Optional<Path> model = ContainedPath.resolve(folder, filename);
        if (model.isEmpty()) return new Lookup.Outside();
        List<Preview> previews = all(model.get());
        if (previews.isEmpty()) return new Lookup.None();
        Preview first = previews.get(0);
        // a picture found by name may itself be a link out of the folder
        if (first instanceof Preview.File f && ContainedPath.resolve(folder, folder.relativize(f.path()).toString()).isEmpty()) {
            return new Lookup.Outside();
        }
        return new Lookup.Found(first);
    }

    static List<Preview> all(Path model) throws IOException {
        Path dir = model.getParent();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        String base = stem(model.getFileName().toString());
        List<Path> matches;
        try (Stream<Path> list = Files.list(dir)) {
            matches = list.filter(p -> p.getFileName().toString().startsWith(base + ".")).sorted().toList();
        }
        List<Preview> out = new ArrayList<>();
        for (Path match : matches) {
            String stem = stem(match.getFileName().toString());
            boolean image = ContentTypes.guess(match.getFileName().toString()).filter(t -> t.startsWith("image/"))
                    .isPresent() || match.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".webp");
            if (image && Files.isRegularFile(match) && (stem.equals(base) || stem.equals(base + ".preview"))) {
                out.add(new Preview.File(match));
            }
        }
        for (Path match : matches) {
            if (!match.getFileName().toString().endsWith(".safetensors")) continue;
            out.addAll(covers(match));
            break;
        }
        return out;
    }

    private static List<Preview> covers(Path safetensors) throws IOException {
        JsonNode images = SafetensorsMetadata.read(safetensors, MAX_HEADER).map(m -> m.get("ssmd_cover_images"))
                .orElse(null);
        if (images == null || !images.isTextual()) return List.of();
        List<Preview> out = new ArrayList<>();
        try {
            for (JsonNode image : Json.parse(images.asText())) {
                out.add(new Preview.Embedded(Base64.getDecoder().decode(image.asText())));
            }
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            return out;
        }
        return out;
    }

    /** Python's {@code os.path.splitext(name)[0]}. */
    static String stem(String name) {
        return name.substring(0, name.length() - ModelCatalog.extension(name).length());
    }
}
