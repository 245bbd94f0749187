package dev.easel.server.routes;

import dev.easel.server.files.ContentTypes;
import dev.easel.server.files.FileBody;
import dev.easel.engine.files.ContainedPath;
import dev.easel.server.files.ImageVariants;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code GET /view} (§2.7): files from output, input or temp, optionally re-encoded. */
public final class FileRoutes {
    private final Services services;

    public FileRoutes(Services services) {
        this.services = services;
    }

    public void register(Api api) {
        api.get("/view", this::view);
    }

    private void view(Context ctx) throws IOException {
        String filename = ctx.queryParam("filename");
        if (filename == null) throw HttpError.empty(404);
        Annotated annotated = Annotated.parse(filename, Optional.ofNullable(ctx.queryParam("type")).orElse("output"));
        String name = annotated.name();
        String subfolder = Optional.ofNullable(ctx.queryParam("subfolder")).orElse("");
        if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.indexOf('\0') >= 0
                || subfolder.indexOf('\0') >= 0) {
            throw HttpError.empty(400);
        }
        Path root = services.files().of(ctx).root(annotated.type()).orElseThrow(() -> HttpError.empty(400));
        Path dir = ContainedPath.resolve(root, subfolder).orElseThrow(() -> HttpError.empty(403));
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.isEmpty()) throw HttpError.empty(400);
        Path file = ContainedPath.resolve(dir, base).orElseThrow(() -> HttpError.empty(403));
        if (!Files.isRegularFile(file)) throw HttpError.empty(404);

        String preview = ctx.queryParam("preview");
        String channel = Optional.ofNullable(ctx.queryParam("channel")).orElse("rgba");
        if (preview != null) {
            int quality = quality(preview);
            // Whatever format was asked for (jpeg or webp), the JDK can only encode JPEG here.
            byte[] jpeg = services.decoder().reencode(file, image -> ImageVariants.jpeg(image, quality));
            ctx.contentType("image/jpeg").header("Content-Disposition", "filename=\"" + base + "\"").result(jpeg);
        } else if (channel.equals("rgb") || channel.equals("a")) {
            byte[] png = services.decoder().reencode(file,
                    image -> channel.equals("rgb") ? ImageVariants.rgbPng(image) : ImageVariants.alphaPng(image));
            ctx.contentType("image/png").header("Content-Disposition", "filename=\"" + base + "\"").result(png);
        } else {
            sendFile(ctx, file, base);
        }
    }

    /** The last {@code ;} part of {@code format;quality}, clamped to 1–100; 90 when it is no number. */
    static int quality(String preview) {
        String last = preview.substring(preview.lastIndexOf(';') + 1).strip();
        if (last.isEmpty() || !last.chars().allMatch(c -> c >= '0' && c <= '9')) return 90;
        String digits = last.replaceFirst("^0+(?=.)", "");
        return digits.length() > 3 ? 100 : Math.max(1, Math.min(100, Integer.parseInt(digits)));
    }

    private static void sendFile(Context ctx, Path file, String base) throws IOException {
        String type = ContentTypes.guess(base).orElse(ContentTypes.BINARY);
        ctx.header("X-Content-Type-Options", "nosniff");
        String disposition = "filename=\"" + base + "\"";
        if (ContentTypes.dangerous(type)) {
            ctx.header("Vary", "Sec-Fetch-Dest").header("Cache-Control", "no-store");
            boolean svgAsImage = type.equals("image/svg+xml") && "image".equals(ctx.header("Sec-Fetch-Dest"));
            if (!svgAsImage) {
                disposition = "attachment; " + ContentTypes.filenameParameter(base);
                type = ContentTypes.BINARY;
            }
        }
        ctx.header("Content-Disposition", disposition).contentType(type);
        FileBody.send(ctx, file);
    }

    /** A filename with an optional {@code " [output]"}-style suffix choosing the root. */
    record Annotated(String name, String type) {
        static Annotated parse(String filename, String type) {
            for (String root : new String[] {"output", "input", "temp"}) {
                String suffix = " [" + root + "]";
                if (filename.endsWith(suffix)) {
                    return new Annotated(filename.substring(0, filename.length() - suffix.length()), root);
                }
            }
            return new Annotated(filename, type);
        }
    }
}
