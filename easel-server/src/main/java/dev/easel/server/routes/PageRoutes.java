package dev.easel.server.routes;

import dev.easel.server.http.Guarded;
import dev.easel.server.http.HttpError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Easel's own web page: {@code index.html} (answered at {@code /} when no front end is
 * configured) and its files under {@code /page/}, all read from one folder of the jar.
 * Cache headers come from {@link dev.easel.server.http.CacheHeaders}, ComfyUI's rules.
 */
public final class PageRoutes {
    private static final String FOLDER = "/dev/easel/server/page/";
    /** One flat folder: a name is a plain file name with a known extension, never a path. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|json|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml");
    /** Files found so far; names that are not there are looked up each time, so asking for them costs no memory. */
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    public void register(RoutesConfig routes) {
        routes.get("/page/{file}", Guarded.handler(this::file));
    }

    /** Whether {@code path} is the page's shell ({@code /} or one of its files), which holds no data and is public with {@code --auth}. */
    public static boolean isShell(String path) {
        return path.equals("/") || path.startsWith("/page/") && NAME.matcher(path.substring("/page/".length())).matches();
    }

    /** The page itself. */
    public static byte[] index() {
        return read("index.html").orElseThrow(() -> new IllegalStateException("the page is missing from the jar"));
    }

    private void file(Context ctx) {
        String name = ctx.pathParam("file");
        if (!NAME.matcher(name).matches()) throw HttpError.empty(404);
        byte[] bytes = read(name).orElseThrow(() -> HttpError.empty(404));
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .header("X-Content-Type-Options", "nosniff").result(bytes);
    }

    private static Optional<byte[]> read(String name) {
        byte[] known = LOADED.get(name);
        if (known != null) return Optional.of(known);
        Optional<byte[]> loaded = load(name);
        loaded.ifPresent(bytes -> LOADED.put(name, bytes));
        return loaded;
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page's " + name, e);
        }
    }
}
