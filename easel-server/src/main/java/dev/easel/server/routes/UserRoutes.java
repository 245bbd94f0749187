package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.http.Api;
import dev.easel.server.http.Bodies;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.users.UserRegistry;
import dev.easel.server.users.Users;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code /users} (§2.12): who the users are, and adding one. */
public final class UserRoutes {
    private final Users users;
    private final Bodies bodies;

    public UserRoutes(Users users, Bodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.get("/users", this::list);
        api.post("/users", this::add);
    }

    /** Multi-user: every user; single-user: whether settings already moved to the server. */
    private void list(Context ctx) {
        var body = Json.object().put("storage", "server");
        if (users.registry().multiUser()) {
            body.set("users", Json.tree(users.registry().all()));
        } else {
            Path home = users.requestUser().of(ctx).flatMap(users.data()::home)
                    .orElseThrow(() -> HttpError.text(403, "Invalid user directory"));
            body.put("migrated", Files.exists(home));
        }
        Responses.json(ctx, body);
    }

    private void add(Context ctx) {
        JsonNode name = bodies.jsonOrExplain(ctx, HttpError::badRequest).path("username");
        if (!name.isTextual()) throw HttpError.badRequest("username not provided");
        try {
            Responses.json(ctx, Json.MAPPER.getNodeFactory().textNode(users.registry().add(name.asText())));
        } catch (UserRegistry.UserRejected rejected) {
            throw HttpError.badRequest(rejected.getMessage());
        }
    }
}
