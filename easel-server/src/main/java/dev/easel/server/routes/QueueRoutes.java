package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.http.Api;
import dev.easel.server.http.Responses;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;

/** {@code /queue}, {@code /interrupt}, {@code /free} (§2.3). */
public final class QueueRoutes {
    private final Services services;

    public QueueRoutes(Services services) {
        this.services = services;
    }

    public void register(Api api) {
        api.get("/queue", this::list);
        api.post("/queue", this::mutate);
        api.post("/interrupt", this::interrupt);
        api.post("/free", this::free);
    }

    /** The caller's own jobs (everyone's for an admin). */
    private void list(Context ctx) {
        OwnerFilter owners = CallerJobs.of(ctx);
        ObjectNode body = Json.object();
        ArrayNode running = body.putArray("queue_running");
        services.store().running(owners).forEach(item -> running.add(item.toJson()));
        ArrayNode pending = body.putArray("queue_pending");
        services.store().pending(owners).forEach(item -> pending.add(item.toJson()));
        Responses.json(ctx, body);
    }

    /** Clearing and deleting reach only the caller's own pending jobs (an admin's reach all). */
    private void mutate(Context ctx) {
        OwnerFilter owners = CallerJobs.of(ctx);
        JsonNode body = services.bodies().json(ctx).orElseGet(Json::object);
        if (body.path("clear").asBoolean(false)) {
            services.store().clearPending(owners);
            services.queueChanged();
        }
        if (body.path("delete").isArray()) {
            for (JsonNode id : body.get("delete")) {
                if (services.store().deletePending(id.asText(), owners)) services.queueChanged();
            }
        }
        Responses.ok(ctx);
    }

    /** With a prompt id, that job if the caller sees it; without, the running job if the caller sees it. */
    private void interrupt(Context ctx) {
        OwnerFilter owners = CallerJobs.of(ctx);
        // A body that is not JSON counts as {} (ComfyUI treats it the same way).
        JsonNode body = services.bodies().json(ctx).orElseGet(Json::object);
        JsonNode promptId = body.get("prompt_id");
        if (promptId != null && promptId.isTextual()) {
            services.interruptIfVisible(promptId.asText(), owners);
        } else if (owners.equals(OwnerFilter.ALL)) {
            services.worker().interruptRunning();
        } else {
            services.store().running(owners).forEach(item -> services.worker().interruptIfRunning(item.promptId()));
        }
        Responses.ok(ctx);
    }

    private void free(Context ctx) {
        JsonNode body = services.bodies().json(ctx).orElseGet(Json::object);
        services.worker().requestFree(body.path("unload_models").asBoolean(false), body.path("free_memory").asBoolean(false));
        Responses.ok(ctx);
    }
}
