package dev.easel.server.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.files.FileBody;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.packs.CustomNodeFolders;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What node pack folders offer the front end (§2.11): {@code /workflow_templates},
 * {@code /i18n}, {@code /global_subgraphs}, and {@code /node_replacements}, which lists the
 * class renames packs declare (Easel's packs declare none yet).
 */
public final class CustomNodeRoutes {
    private final CustomNodeFolders folders;

    public CustomNodeRoutes(CustomNodeFolders folders) {
        this.folders = folders;
    }

    public void register(Api api) {
        api.get("/workflow_templates", this::templates);
        api.get("/workflow_templates/{module_name}/{filename}", this::template);
        api.get("/i18n", ctx -> Responses.json(ctx, folders.translations()));
        api.get("/global_subgraphs", this::subgraphs);
        api.get("/global_subgraphs/{id}", this::subgraph);
        api.get("/node_replacements", ctx -> Responses.json(ctx, Json.object()));
    }

    private void templates(Context ctx) throws IOException {
        ObjectNode out = Json.object();
        for (Map.Entry<String, Map<String, Path>> pack : folders.workflowTemplates().entrySet()) {
            ArrayNode names = out.putArray(pack.getKey());
            pack.getValue().keySet().forEach(names::add);
        }
        Responses.json(ctx, out);
    }

    private void template(Context ctx) throws IOException {
        String filename = ctx.pathParam("filename");
        if (!filename.endsWith(".json")) throw HttpError.empty(404);
        String name = filename.substring(0, filename.length() - ".json".length());
        Path file = folders.workflowTemplate(ctx.pathParam("module_name"), name).orElseThrow(() -> HttpError.empty(404));
        ctx.contentType("application/json");
        FileBody.send(ctx, file);
    }

    private void subgraphs(Context ctx) throws IOException {
        ObjectNode out = Json.object();
        folders.subgraphs().values().forEach(s -> out.set(s.id(), entry(s)));
        Responses.json(ctx, out);
    }

    /** One blueprint with its file's text, or {@code null} for an unknown id. */
    private void subgraph(Context ctx) throws IOException {
        CustomNodeFolders.Subgraph found = folders.subgraphs().get(ctx.pathParam("id"));
        if (found == null) {
            Responses.json(ctx, Json.MAPPER.nullNode());
            return;
        }
        Responses.json(ctx, entry(found).put("data", Files.readString(found.file())));
    }

    private static ObjectNode entry(CustomNodeFolders.Subgraph s) {
        ObjectNode entry = Json.object().put("source", "custom_node").put("name", s.name());
        entry.putObject("info").put("node_pack", s.nodePack());
        return entry;
    }
}
