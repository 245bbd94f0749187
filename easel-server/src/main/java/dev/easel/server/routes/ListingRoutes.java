package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.files.SafetensorsMetadata;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.host.HostMemory;
import dev.easel.server.http.Responses;
import dev.easel.server.models.ModelCatalog;
import dev.easel.server.wire.Json;
import dev.easel.server.ws.FeatureFlags;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The small listings of §2.9 and §2.10: embeddings, model folders, extensions, stats, features. */
public final class ListingRoutes {
    static final String COMFYUI_VERSION = "0.38.1";

    private final Services services;

    public ListingRoutes(Services services) {
        this.services = services;
    }

    public void register(Api api) {
        api.get("/embeddings", this::embeddings);
        api.get("/models", ctx -> Responses.json(ctx, folderKeys()));
        api.get("/models/{folder}", this::models);
        api.get("/view_metadata/{folder_name}", this::viewMetadata);
        api.get("/extensions", this::extensions);
        api.get("/system_stats", this::systemStats);
        api.get("/features", ctx -> Responses.json(ctx, FeatureFlags.server(services.config().network().maxUploadBytes())));
    }

    /** ComfyUI's keys first, then any other key the configuration names. */
    private List<String> folderKeys() {
        return new ModelCatalog(services.config().folders()).keys();
    }

    /** Every file of a model folder, across all its directories, first directory first. */
    private List<String> modelFiles(String folder) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path dir : services.config().folders().modelPaths(folder)) names.addAll(files(dir));
        return List.copyOf(names);
    }

    private void embeddings(Context ctx) throws IOException {
        List<String> names = modelFiles("embeddings").stream()
                .map(p -> p.lastIndexOf('.') > p.lastIndexOf('/') ? p.substring(0, p.lastIndexOf('.')) : p).toList();
        Responses.json(ctx, names);
    }

    private void models(Context ctx) throws IOException {
        String folder = ctx.pathParam("folder");
        if (!folderKeys().contains(folder)) throw HttpError.empty(404);
        Responses.json(ctx, modelFiles(folder));
    }

    /** The {@code __metadata__} of a safetensors file in a model folder; 404 for anything else. */
    private void viewMetadata(Context ctx) throws IOException {
        String folder = ctx.pathParam("folder_name");
        String filename = ctx.queryParam("filename");
        if (filename == null || !folderKeys().contains(folder) || !filename.endsWith(".safetensors")) {
            throw HttpError.empty(404);
        }
        for (Path dir : services.config().folders().modelPaths(folder)) {
            Path root = dir.toAbsolutePath().normalize();
            Path file = root.resolve(filename).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) continue;
            Optional<JsonNode> metadata = SafetensorsMetadata.read(file);
            if (metadata.isPresent()) {
                Responses.json(ctx, metadata.get());
                return;
            }
        }
        throw HttpError.empty(404);
    }

    private void extensions(Context ctx) throws IOException {
        ArrayNode paths = Json.array();
        var root = services.config().frontEndRoot();
        if (root.isPresent()) {
            files(root.get().resolve("extensions")).stream().filter(p -> p.endsWith(".js"))
                    .forEach(p -> paths.add("/extensions/" + p));
        }
        Responses.json(ctx, paths);
    }

    /** Relative paths with forward slashes of every file below {@code dir}, sorted. */
    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** ComfyUI on a machine without a GPU: the CPU is the one device, with the machine's memory as its own. */
    private void systemStats(Context ctx) {
        HostMemory memory = HostMemory.now();
        ObjectNode body = Json.object();
        ObjectNode system = body.putObject("system");
        system.put("os", System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "win32"
                : System.getProperty("os.name").toLowerCase(Locale.ROOT));
        system.put("ram_total", memory.total()).put("ram_free", memory.available());
        system.put("comfyui_version", COMFYUI_VERSION);
        system.put("python_version", "Java " + Runtime.version());
        system.put("pytorch_version", "none");
        system.put("embedded_python", false);
        system.put("deploy_environment", "local-git");
        ArrayNode argv = system.putArray("argv");
        services.config().argv().forEach(argv::add);
        system.put("instance_id", services.instanceId());
        ArrayNode devices = body.putArray("devices");
        devices.addObject().put("name", "cpu").put("type", "cpu").putNull("index").put("vram_total", memory.total())
                .put("vram_free", memory.available()).put("torch_vram_total", memory.total())
                .put("torch_vram_free", memory.available());
        Responses.json(ctx, body);
    }
}
