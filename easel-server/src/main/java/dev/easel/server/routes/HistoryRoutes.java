package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;

import java.util.OptionalInt;

/** {@code /history} (§2.4): finished prompts, oldest first. */
public final class HistoryRoutes {
    private final Services services;

    public HistoryRoutes(Services services) {
        this.services = services;
    }

    public void register(Api api) {
        api.get("/history", this::page);
        api.get("/history/{prompt_id}", this::one);
        api.post("/history", this::mutate);
    }

    private void page(Context ctx) {
        OptionalInt maxItems = intParam(ctx, "max_items");
        OptionalInt offset = intParam(ctx, "offset");
        ObjectNode body = Json.object();
        services.store().history(maxItems, offset, CallerJobs.of(ctx)).forEach((id, entry) -> body.set(id, entry.toJson()));
        Responses.json(ctx, body);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("prompt_id");
        ObjectNode body = Json.object();
        services.store().history(id, CallerJobs.of(ctx)).ifPresent(entry -> body.set(id, entry.toJson()));
        Responses.json(ctx, body);
    }

    private void mutate(Context ctx) {
        OwnerFilter owners = CallerJobs.of(ctx);
        JsonNode body = services.bodies().json(ctx).orElseGet(Json::object);
        if (body.path("clear").asBoolean(false)) services.store().clearHistory(owners);
        if (body.path("delete").isArray()) {
            body.get("delete").forEach(id -> services.store().deleteHistory(id.asText(), owners));
        }
        Responses.ok(ctx);
    }

    static OptionalInt intParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return OptionalInt.empty();
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException notInt) {
            throw HttpError.badRequest(name + " must be an integer");
        }
    }
}
