package dev.easel.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.server.http.Api;
import dev.easel.server.http.Responses;
import dev.easel.server.wire.Json;
import dev.easel.server.wire.NodeInfo;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /object_info} (§2.6): the node catalogue the frontend builds its widgets from. */
public final class NodeInfoRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(NodeInfoRoutes.class);

    private final Services services;

    public NodeInfoRoutes(Services services) {
        this.services = services;
    }

    public void register(Api api) {
        api.get("/object_info", this::all);
        api.get("/object_info/{node_class}", this::one);
    }

    private void all(Context ctx) {
        ObjectNode body = Json.object();
        FileSpace files = services.files().of(ctx);
        for (NodeDefinition node : services.registry().all()) add(body, node, files);
        Responses.json(ctx, body);
    }

    private void one(Context ctx) {
        ObjectNode body = Json.object();
        FileSpace files = services.files().of(ctx);
        services.registry().find(ctx.pathParam("node_class")).ifPresent(node -> add(body, node, files));
        Responses.json(ctx, body);
    }

    /**
     * A node as the caller sees it (LoadImage lists the caller's input files); one whose info
     * cannot be rendered (a failing choice list, say) is skipped, not fatal.
     */
    private static void add(ObjectNode body, NodeDefinition node, FileSpace files) {
        try {
            body.set(node.schema().classType(), NodeInfo.of(node.schema().in(files)));
        } catch (RuntimeException e) {
            LOG.error("skipping {} in /object_info", node.schema().classType(), e);
        }
    }
}
