package dev.easel.server.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.files.ImageDecoder;
import dev.easel.server.files.WebpLossless;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.models.ModelCatalog;
import dev.easel.server.models.ModelPreviews;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code /experiment/models} (§2.11): model folders with their paths and extensions, their files, previews. */
public final class ModelRoutes {
    private static final Set<String> NOT_MODELS = Set.of("configs", "custom_nodes");

    private final ModelCatalog catalog;
    private final ImageDecoder decoder;

    public ModelRoutes(ModelCatalog catalog, ImageDecoder decoder) {
        this.catalog = catalog;
        this.decoder = decoder;
    }

    public void register(Api api) {
        api.get("/experiment/models", this::folders);
        api.get("/experiment/models/{folder}", this::files);
        api.get("/experiment/models/preview/{folder}/{path_index}", ctx -> {
            known(ctx.pathParam("folder"));
            throw HttpError.empty(400);
        });
        api.get("/experiment/models/preview/{folder}/{path_index}/<filename>", this::preview);
    }

    private void folders(Context ctx) {
        ArrayNode out = Json.array();
        for (String key : catalog.keys()) {
            if (NOT_MODELS.contains(key)) continue;
            ObjectNode entry = out.addObject().put("name", key);
            ArrayNode folders = entry.putArray("folders");
            catalog.paths(key).forEach(p -> folders.add(p.toString()));
            ArrayNode extensions = entry.putArray("extensions");
            catalog.extensions(key).forEach(extensions::add);
        }
        Responses.json(ctx, out);
    }

    private void files(Context ctx) throws IOException {
        ArrayNode out = Json.array();
        for (ModelCatalog.ModelFile file : catalog.files(known(ctx.pathParam("folder")))) {
            ObjectNode entry = out.addObject().put("name", file.name()).put("pathIndex", file.pathIndex());
            entry.set("modified", Json.pythonFloat(file.modified()));
            entry.set("created", Json.pythonFloat(file.created()));
            entry.put("size", file.size());
        }
        Responses.json(ctx, out);
    }

    /** The model's first preview, always as WebP. */
    private void preview(Context ctx) throws IOException {
        List<Path> dirs = catalog.paths(known(ctx.pathParam("folder")));
        String filename = ctx.pathParam("filename");
        if (filename.isEmpty()) throw HttpError.empty(400);
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("path_index"));
        } catch (NumberFormatException notANumber) {
            throw HttpError.empty(400);
        }
        if (index < 0 || index >= dirs.size()) throw HttpError.empty(404);
        Path folder = dirs.get(index).toAbsolutePath().normalize();
        ModelPreviews.Preview preview = switch (ModelPreviews.first(folder, filename)) {
            case ModelPreviews.Lookup.Found found -> found.preview();
            case ModelPreviews.Lookup.Outside outside -> throw HttpError.empty(403);
            case ModelPreviews.Lookup.None none -> throw HttpError.empty(404);
        };
        ctx.contentType("image/webp").result(webp(preview));
    }

    /** A WebP file as it is, any other picture converted; one that cannot be read is no preview (404). */
    private byte[] webp(ModelPreviews.Preview preview) throws IOException {
        byte[] bytes = switch (preview) {
            case ModelPreviews.Preview.File file -> Files.readAllBytes(file.path());
            case ModelPreviews.Preview.Embedded embedded -> embedded.bytes();
        };
        if (isWebp(bytes)) return bytes;
        try {
            return decoder.reencode(bytes, "model preview", WebpLossless::encode);
        } catch (HttpError unreadable) {
            if (unreadable.status() == 503) throw unreadable;
            throw HttpError.empty(404);
        }
    }

    private static boolean isWebp(byte[] b) {
        return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    private String known(String folder) {
        if (!catalog.known(folder)) throw HttpError.empty(404);
        return folder;
    }
}
