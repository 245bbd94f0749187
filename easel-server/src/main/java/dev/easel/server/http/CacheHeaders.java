package dev.easel.server.http;

import io.javalin.http.Context;

import java.util.Locale;
import java.util.Set;

/** ComfyUI's cache-control middleware: scripts revalidate, images are cached by status. */
public final class CacheHeaders {
    private static final Set<String> IMAGE_EXTENSIONS =
            Set.of(".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp");

    private CacheHeaders() {
    }

    public static void after(Context ctx) {
        if (ctx.res().getHeader("Cache-Control") != null) return;
        String path = ctx.path().toLowerCase(Locale.ROOT);
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (path.endsWith(".js") || path.endsWith(".css") || (last.startsWith("index") && last.endsWith(".json"))) {
            ctx.header("Cache-Control", "no-cache");
            return;
        }
        if (IMAGE_EXTENSIONS.stream().noneMatch(path::endsWith)) return;
        int status = ctx.statusCode();
        if (status == 404) {
            ctx.header("Cache-Control", "public, max-age=3600");
        } else if ((status >= 200 && status <= 206) || status == 301 || status == 308) {
            ctx.header("Cache-Control", "public, max-age=86400");
        } else if (status == 302 || status == 303 || status == 307) {
            ctx.header("Cache-Control", "no-cache");
        }
    }
}
