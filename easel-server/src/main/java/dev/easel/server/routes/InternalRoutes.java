package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.auth.Identity.Role;
import dev.easel.server.files.FileStamps;
import dev.easel.server.files.UserFiles;
import dev.easel.server.http.Bodies;
import dev.easel.server.http.Guarded;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.logs.LogBuffer;
import dev.easel.server.logs.ServerLogs;
import dev.easel.server.models.ModelCatalog;
import dev.easel.server.wire.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /internal} (§2.13), the front end's own routes; like ComfyUI's they have no
 * {@code /api} twin. The log terminal, the folders of every key, and the files of output,
 * input and temp, newest first. The log (every user's prompts and errors) and the folders (the
 * machine's paths) are server-wide, so with {@code --auth} they are for admins.
 */
public final class InternalRoutes {
    private final ServerLogs logs;
    private final ModelCatalog catalog;
    private final UserFiles files;
    private final Bodies bodies;

    public InternalRoutes(ServerLogs logs, ModelCatalog catalog, UserFiles files, Bodies bodies) {
        this.logs = logs;
        this.catalog = catalog;
        this.files = files;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/internal/logs", Guarded.handler(this::logText), Role.ADMIN);
        routes.get("/internal/logs/raw", Guarded.handler(this::logEntries), Role.ADMIN);
        routes.patch("/internal/logs/subscribe", Guarded.handler(this::subscribe), Role.ADMIN);
        routes.get("/internal/folder_paths", Guarded.handler(this::folderPaths), Role.ADMIN);
        routes.get("/internal/files/{directory_type}", Guarded.handler(this::files));
    }

    /** One string: every entry as {@code "<time> - <message>"}, joined with nothing between. */
    private void logText(Context ctx) {
        StringBuilder text = new StringBuilder();
        for (LogBuffer.Entry entry : logs.recent()) {
            text.append(ServerLogs.entry(entry).path("t").asText()).append(" - ").append(entry.message());
        }
        Responses.json(ctx, Json.MAPPER.getNodeFactory().textNode(text.toString()));
    }

    private void logEntries(Context ctx) {
        ObjectNode body = Json.object();
        ArrayNode entries = body.putArray("entries");
        logs.recent().forEach(e -> entries.add(ServerLogs.entry(e)));
        var size = logs.size();
        body.putObject("size").put("cols", size.cols()).put("rows", size.rows());
        Responses.json(ctx, body);
    }

    private void subscribe(Context ctx) {
        JsonNode body = bodies.jsonOrExplain(ctx, HttpError::badRequest);
        JsonNode clientId = body.path("clientId");
        JsonNode enabled = body.path("enabled");
        if (!clientId.isTextual() || !enabled.isBoolean()) {
            throw HttpError.badRequest("expected {\"clientId\": string, \"enabled\": boolean}");
        }
        logs.subscribe(clientId.asText(), enabled.asBoolean());
        Responses.ok(ctx);
    }

    private void folderPaths(Context ctx) {
        ObjectNode body = Json.object();
        for (String key : catalog.keys()) {
            ArrayNode paths = body.putArray(key);
            catalog.paths(key).forEach(p -> paths.add(p.toString()));
        }
        Responses.json(ctx, body);
    }

    /** The files directly in output, input or temp, most recently modified first. */
    private void files(Context ctx) throws IOException {
        Path root = files.of(ctx).root(ctx.pathParam("directory_type")).orElse(null);
        if (root == null) throw HttpError.message(400, "Invalid directory type");
        record Stamped(String name, double modified) {}
        List<Stamped> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> list = Files.list(root)) {
                for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(new Stamped(p.getFileName().toString(), FileStamps.modified(p)));
                }
            }
        }
        files.sort(Comparator.comparingDouble(Stamped::modified).reversed());
        ArrayNode names = Json.array();
        files.forEach(f -> names.add(f.name()));
        Responses.json(ctx, names);
    }
}
