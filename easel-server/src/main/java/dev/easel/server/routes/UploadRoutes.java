package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.files.ContainedPath;
import dev.easel.engine.files.ContainedPath;
import dev.easel.engine.files.FileSpace;
import dev.easel.tensor.image.ImageHeader;
import dev.easel.tensor.image.Pixels8;
import dev.easel.tensor.png.PngEncoder;
import dev.easel.tensor.png.PngTextReader;
import dev.easel.server.files.UploadWriter;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.MultipartForm;
import dev.easel.server.http.Responses;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** {@code POST /upload/image} and {@code /upload/mask} (§2.8). */
public final class UploadRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(UploadRoutes.class);

    private final Services services;

    public UploadRoutes(Services services) {
        this.services = services;
    }

    public void register(Api api) {
        api.post("/upload/image", ctx -> upload(ctx, false));
        api.post("/upload/mask", ctx -> upload(ctx, true));
    }

    private void upload(Context ctx, boolean mask) throws IOException {
        MultipartForm form = MultipartForm.parse(ctx.contentType(), services.bodies().bytes(ctx));
        MultipartForm.Part image = form.part("image").filter(p -> p.filename().filter(n -> !n.isEmpty()).isPresent())
                .orElseThrow(() -> HttpError.empty(400));
        String filename = image.filename().orElseThrow();
        String type = form.field("type").filter(t -> !t.isEmpty()).orElse("input");
        FileSpace files = services.files().of(ctx);
        Path root = files.root(type).orElseThrow(() -> HttpError.badRequest("invalid type " + type));
        String subfolder = form.field("subfolder").orElse("");
        Path dir = ContainedPath.resolve(root, subfolder).orElseThrow(() -> HttpError.empty(400));
        Path requested = ContainedPath.resolve(dir, filename).orElseThrow(() -> HttpError.empty(400));
        if (requested.equals(dir) || Files.isDirectory(requested, LinkOption.NOFOLLOW_LINKS) || hasLongPart(root, requested)) {
            throw HttpError.badRequest("invalid file name");
        }
        String overwriteField = form.field("overwrite").orElse("");
        boolean overwrite = overwriteField.equals("true") || overwriteField.equals("1");
        byte[] content = image.content();
        UploadWriter.Saved saved;
        try {
            saved = UploadWriter.save(requested.getParent(), requested.getFileName().toString(), content, overwrite);
        } catch (FileSystemException refused) {
            // a link planted where the file goes (the no-follow write refuses it), or a file
            // where the subfolder must be made
            LOG.info("upload of {} refused: {}", requested.getFileName(), refused.toString());
            throw HttpError.badRequest("the file cannot be written there");
        }
        String name = saved.name();
        // as in ComfyUI, a duplicate of an existing file is not saved again, so no mask is applied to it
        if (mask && saved.written()) applyMask(files, form.field("original_ref").orElse(null), requested.getParent().resolve(name), content);
        // a filename with folders stays a reference to the file under the subfolder, as in ComfyUI;
        // only the platform's separator becomes '/', so "..\\x.png" is answered as it was saved
        String answered = dir.relativize(requested.getParent().resolve(name)).toString()
                .replace(java.io.File.separatorChar, '/');
        ObjectNode body = Json.object().put("name", answered).put("subfolder", subfolder).put("type", type);
        Responses.json(ctx, body);
    }

    /** A subfolder or name part over 255 bytes, which no common file system stores. */
    private static boolean hasLongPart(Path root, Path requested) {
        for (Path part : root.relativize(requested)) {
            if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) return true;
        }
        return false;
    }

    /**
     * Writes the original image with the uploaded alpha over the uploaded file. As in ComfyUI a
     * failure here does not change the answer; it is logged and the plain upload stays.
     */
    private void applyMask(FileSpace files, String originalRef, Path target, byte[] maskBytes) {
        try {
            JsonNode ref = Json.parse(Optional.ofNullable(originalRef).orElse("{}"));
            String filename = ref.path("filename").asText("");
            if (filename.isEmpty() || filename.contains("..") || filename.startsWith("/")) return;
            Path root = files.root(ref.path("type").asText("output")).orElseThrow();
            Path dir = ContainedPath.resolve(root, ref.path("subfolder").asText("")).orElseThrow();
            Path original = ContainedPath.resolve(dir, filename.substring(filename.lastIndexOf('/') + 1)).orElseThrow();
            byte[] originalBytes = Files.readAllBytes(original);
            long maxPixels = services.config().limits().maxImagePixels();
            ImageHeader.requireAtMost(originalBytes, maxPixels);
            ImageHeader.requireAtMost(maskBytes, maxPixels);
            BufferedImage base = javax.imageio.ImageIO.read(new ByteArrayInputStream(originalBytes));
            BufferedImage alphaSource = javax.imageio.ImageIO.read(new ByteArrayInputStream(maskBytes));
            int width = base.getWidth(), height = base.getHeight();
            byte[] rgba = new byte[width * height * 4];
            boolean maskHasAlpha = alphaSource.getColorModel().hasAlpha();
            for (int y = 0, at = 0; y < height; y++) {
                for (int x = 0; x < width; x++, at += 4) {
                    int rgb = base.getRGB(x, y);
                    int alpha = maskHasAlpha && x < alphaSource.getWidth() && y < alphaSource.getHeight()
                            ? alphaSource.getRGB(x, y) >>> 24 : 255;
                    rgba[at] = (byte) (rgb >> 16);
                    rgba[at + 1] = (byte) (rgb >> 8);
                    rgba[at + 2] = (byte) rgb;
                    rgba[at + 3] = (byte) alpha;
                }
            }
            // ComfyUI keeps the original's PNG text (prompt, workflow) and writes at level 4
            ContainedPath.write(target, new PngEncoder(4).encode(new Pixels8(width, height, 4, rgba), PngTextReader.read(originalBytes)));
        } catch (RuntimeException | IOException e) {
            LOG.warn("mask upload: could not combine with original_ref {}: {}", originalRef, e.toString());
        }
    }
}
