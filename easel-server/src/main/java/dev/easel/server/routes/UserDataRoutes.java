package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.files.ContentTypes;
import dev.easel.server.files.FileBody;
import dev.easel.server.http.Api;
import dev.easel.server.http.Bodies;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.PercentDecoding;
import dev.easel.server.http.Responses;
import dev.easel.server.users.UserData;
import dev.easel.server.users.Users;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /userdata} and {@code /v2/userdata} (§2.12): listing, reading, writing, deleting and
 * moving the files of the request's user, with ComfyUI's statuses and plain-text reasons.
 */
public final class UserDataRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(UserDataRoutes.class);
    static final String INVALID_NAME = "Invalid filename. Please avoid special characters like :\\/*?\"<>|";

    private final Users users;
    private final Bodies bodies;

    public UserDataRoutes(Users users, Bodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.get("/userdata", this::list);
        api.get("/v2/userdata", this::tree);
        api.get("/userdata/{file}", this::read);
        api.post("/userdata/{file}", this::write);
        api.delete("/userdata/{file}", this::delete);
        api.post("/userdata/{file}/move/{dest}", this::move);
    }

    private void list(Context ctx) throws IOException {
        String dir = Optional.ofNullable(ctx.queryParam("dir")).orElse("");
        if (dir.isEmpty()) throw HttpError.text(400, "Directory not provided");
        Path path = users.data().resolve(user(ctx), dir).orElseThrow(() -> HttpError.text(403, "Invalid directory"));
        if (!Files.exists(path)) throw HttpError.text(404, "Directory not found");
        boolean fullInfo = flag(ctx, "full_info");
        boolean split = flag(ctx, "split");
        ArrayNode out = Json.array();
        for (Path file : Files.isDirectory(path) ? users.data().files(path, flag(ctx, "recurse")) : java.util.List.<Path>of()) {
            String relative = UserData.relative(path, file);
            if (fullInfo) {
                out.add(info(UserData.info(path, file)));
            } else if (split) {
                ArrayNode parts = out.addArray().add(relative);
                for (String part : relative.split("/")) parts.add(part);
            } else {
                out.add(relative);
            }
        }
        Responses.json(ctx, out);
    }

    /** The whole subtree under {@code path}; a user without a directory yet has an empty one. */
    private void tree(Context ctx) throws IOException {
        String requested = PercentDecoding.unquote(Optional.ofNullable(ctx.queryParam("path")).orElse(""));
        String user = users.requestUser().of(ctx)
                .orElseThrow(() -> HttpError.text(403, "Invalid user specified in request"));
        Path home = users.data().home(user).orElseThrow(() -> HttpError.text(400, "Invalid path requested"));
        Path target = requested.isEmpty() ? home
                : users.data().resolve(user, requested).orElseThrow(() -> HttpError.text(400, "Invalid path requested"));
        if (!Files.exists(target)) {
            if (target.equals(home)) {
                Responses.json(ctx, Json.array());
                return;
            }
            throw HttpError.text(404, "Requested path not found");
        }
        if (!Files.isDirectory(target)) throw HttpError.text(400, "Requested path is not a directory");
        ArrayNode out = Json.array();
        for (UserData.Entry entry : users.data().tree(home, target)) {
            ObjectNode node = out.addObject().put("name", entry.name()).put("path", entry.path())
                    .put("type", entry.directory() ? "directory" : "file");
            entry.size().ifPresent(size -> node.put("size", size));
            entry.modified().ifPresent(modified -> node.set("modified", Json.pythonFloat(modified)));
        }
        Responses.json(ctx, out);
    }

    /** Always a download, never rendered on this origin; only the user's own {@code user.css} is a style sheet. */
    private void read(Context ctx) throws IOException {
        String user = user(ctx);
        Path file = existing(ctx, user, "file");
        if (!Files.isRegularFile(file)) throw HttpError.empty(404);
        boolean userCss = users.data().resolve(user, "user.css").filter(file::equals).isPresent();
        String type = userCss ? "text/css" : ContentTypes.guess(file.getFileName().toString())
                .filter(t -> !ContentTypes.dangerous(t)).orElse(ContentTypes.BINARY);
        ctx.contentType(type).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", userCss ? "inline" : "attachment");
        FileBody.send(ctx, file);
    }

    /** The raw body becomes the file, written whole or not at all. */
    private void write(Context ctx) {
        String user = user(ctx);
        Path file = named(ctx, user, "file");
        if (!overwrite(ctx) && Files.exists(file)) throw HttpError.text(409, "File already exists");
        byte[] body = bodies.bytes(ctx);
        try {
            users.data().write(file, body);
        } catch (IOException e) {
            LOG.warn("Cannot save user data file {} of user {}: {}", file, user, e.toString());
            throw HttpError.text(400, INVALID_NAME);
        }
        answerWith(ctx, user, file);
    }

    private void delete(Context ctx) throws IOException {
        Path file = existing(ctx, user(ctx), "file");
        if (Files.isDirectory(file)) throw HttpError.text(400, "Cannot delete a directory");
        Files.delete(file);
        ctx.status(204);
    }

    private void move(Context ctx) {
        String user = user(ctx);
        Path source = existing(ctx, user, "file");
        Path dest = named(ctx, user, "dest");
        if (!overwrite(ctx) && Files.exists(dest)) throw HttpError.text(409, "File already exists");
        try {
            users.data().move(source, dest);
        } catch (IOException e) {
            LOG.warn("Cannot move user data file {} to {} for user {}: {}", source, dest, user, e.toString());
            throw HttpError.text(400, INVALID_NAME);
        }
        LOG.info("Moved user data file {} to {} for user {}", source, dest, user);
        answerWith(ctx, user, dest);
    }

    /** The file's path relative to the user's directory, or its full info when asked. */
    private void answerWith(Context ctx, String user, Path file) {
        Path home = users.data().home(user).orElseThrow();
        try {
            Responses.json(ctx, flag(ctx, "full_info") ? info(UserData.info(home, file))
                    : Json.MAPPER.getNodeFactory().textNode(UserData.relative(home, file)));
        } catch (IOException gone) {
            throw new java.io.UncheckedIOException("the file just written is unreadable: " + file, gone);
        }
    }

    private static JsonNode info(UserData.FileInfo info) {
        return Json.object().put("path", info.path()).put("size", info.size()).put("modified", info.modifiedMillis())
                .put("created", info.createdMillis());
    }

    private String user(Context ctx) {
        return users.requestUser().of(ctx).orElseThrow(() -> HttpError.text(403, "Unknown user"));
    }

    private Path named(Context ctx, String user, String param) {
        String name = ctx.pathParam(param);
        if (name.isEmpty()) throw HttpError.empty(400);
        return users.data().resolve(user, name).orElseThrow(() -> HttpError.empty(403));
    }

    private Path existing(Context ctx, String user, String param) {
        Path path = named(ctx, user, param);
        if (!Files.exists(path)) throw HttpError.empty(404);
        return path;
    }

    private static boolean flag(Context ctx, String name) {
        return "true".equalsIgnoreCase(ctx.queryParam(name));
    }

    /** Only the exact value {@code false} turns overwriting off, as in ComfyUI. */
    private static boolean overwrite(Context ctx) {
        return !"false".equals(ctx.queryParam("overwrite"));
    }
}
