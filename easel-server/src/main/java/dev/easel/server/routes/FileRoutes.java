package dev.easel.server.routes;

import dev.easel.server.files.ByteRange;
import dev.easel.server.files.FileLocations;
import dev.easel.server.files.ImageVariants;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import io.javalin.http.Context;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** {@code GET /view} (§2.7): files from output, input or temp, optionally re-encoded. */
public final class FileRoutes {
    private static final Set<String> DANGEROUS = Set.of("text/html", "application/xhtml+xml", "application/javascript",
            "text/javascript", "application/x-javascript", "text/css", "image/svg+xml", "application/xml",
            "text/xml", "message/rfc822");

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
        Path root = services.files().root(annotated.type()).orElseThrow(() -> HttpError.empty(400));
        Path dir = FileLocations.within(root, subfolder).orElseThrow(() -> HttpError.empty(403));
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.isEmpty()) throw HttpError.empty(400);
        Path file = FileLocations.within(dir, base).orElseThrow(() -> HttpError.empty(403));
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
        String type = Optional.ofNullable(URLConnection.guessContentTypeFromName(base)).orElse("application/octet-stream");
        ctx.header("X-Content-Type-Options", "nosniff");
        boolean dangerous = DANGEROUS.contains(type) || type.endsWith("+xml") || type.endsWith("/xml");
        if (dangerous) {
            ctx.header("Vary", "Sec-Fetch-Dest").header("Cache-Control", "no-store");
            boolean svgAsImage = type.equals("image/svg+xml") && "image".equals(ctx.header("Sec-Fetch-Dest"));
            if (!svgAsImage) {
                String escaped = base.replace("\\", "\\\\").replace("\"", "\\\"");
                ctx.header("Content-Disposition", "attachment; filename=\"" + escaped + "\"");
                type = "application/octet-stream";
            } else {
                ctx.header("Content-Disposition", "filename=\"" + base + "\"");
            }
        } else {
            ctx.header("Content-Disposition", "filename=\"" + base + "\"");
        }
        long size = Files.size(file);
        ctx.contentType(type).header("Accept-Ranges", "bytes");
        Optional<ByteRange> range = ByteRange.parse(ctx.header("Range"), size);
        if (range.isEmpty()) {
            ctx.result(Files.newInputStream(file));
        } else if (!range.get().satisfiable()) {
            ctx.status(416).header("Content-Range", "bytes */" + size).result(new byte[0]);
        } else {
            ByteRange r = range.get();
            // streamed from the file: a "bytes=0-" request for a large video must not be held in memory
            java.io.InputStream in = Files.newInputStream(file);
            in.skipNBytes(r.start());
            java.io.InputStream part = new java.io.FilterInputStream(in) {
                private long left = r.length();

                @Override
                public int read() throws IOException {
                    if (left <= 0) return -1;
                    int b = super.read();
                    if (b >= 0) left--;
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) return -1;
                    int n = super.read(buf, off, (int) Math.min(len, left));
                    if (n > 0) left -= n;
                    return n;
                }
            };
            ctx.status(206).header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size).result(part);
        }
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
