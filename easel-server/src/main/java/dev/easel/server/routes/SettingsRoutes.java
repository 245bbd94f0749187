package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.http.Api;
import dev.easel.server.http.Bodies;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.users.UserSettings;
import dev.easel.server.users.Users;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** {@code /settings} (§2.12): the request's user's settings object, whole or one key at a time. */
public final class SettingsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsRoutes.class);

    private final Users users;
    private final Bodies bodies;

    public SettingsRoutes(Users users, Bodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.get("/settings", ctx -> Responses.json(ctx, settings(ctx, s -> s.all(user(ctx)))));
        api.get("/settings/{id}", ctx -> Responses.json(ctx,
                settings(ctx, s -> s.get(user(ctx), ctx.pathParam("id")).orElse(Json.MAPPER.nullNode()))));
        api.post("/settings", this::merge);
        api.post("/settings/{id}", this::setOne);
    }

    private void merge(Context ctx) {
        String user = user(ctx);
        JsonNode body = bodies.jsonOrExplain(ctx, HttpError::badRequest);
        if (!(body instanceof ObjectNode changes)) throw HttpError.badRequest("settings must be a JSON object");
        settings(ctx, s -> {
            s.merge(user, changes);
            return null;
        });
        Responses.ok(ctx);
    }

    private void setOne(Context ctx) {
        String user = user(ctx);
        JsonNode value = bodies.jsonOrExplain(ctx, HttpError::badRequest);
        settings(ctx, s -> {
            s.set(user, ctx.pathParam("id"), value);
            return null;
        });
        Responses.ok(ctx);
    }

    /** An unknown user is 401, as in ComfyUI's settings routes. */
    private String user(Context ctx) {
        return users.requestUser().of(ctx).orElseThrow(() -> HttpError.text(401, "Unauthorized"));
    }

    private interface SettingsCall<T> {
        T apply(UserSettings settings) throws UserSettings.Unreadable, IOException;
    }

    /** A settings file that cannot be used is reported and left as it is. */
    private <T> T settings(Context ctx, SettingsCall<T> call) {
        try {
            return call.apply(users.settings());
        } catch (UserSettings.Unreadable unreadable) {
            LOG.warn("{} {}: the settings of this user cannot be used: {}", ctx.method(), ctx.path(), unreadable.getMessage());
            throw HttpError.message(500, unreadable.getMessage());
        } catch (IOException e) {
            LOG.warn("{} {}: cannot save settings: {}", ctx.method(), ctx.path(), e.toString());
            throw HttpError.message(500, "cannot save settings: " + e.getMessage());
        }
    }
}
