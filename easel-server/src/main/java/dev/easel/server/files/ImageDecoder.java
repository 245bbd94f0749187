package dev.easel.server.files;

import dev.easel.server.http.HttpError;
import dev.easel.tensor.image.ImageHeader;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Decodes files for {@code /view}'s re-encodings under two bounds: the pixel limit, read from
 * the header before any pixel is decoded, and a fixed number of decodes at once, so requests
 * for large images queue here (then get 503) instead of taking every core from the server.
 * A file that is no image, or declares too many pixels, is the client's mistake: a 400.
 */
public final class ImageDecoder {
    private static final long WAIT_SECONDS = 30;

    private final long maxPixels;
    private final Semaphore permits;

    public ImageDecoder(long maxPixels, int maxConcurrent) {
        this.maxPixels = maxPixels;
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /** Something to do with a decoded image. */
    @FunctionalInterface
    public interface Encoding {
        byte[] encode(BufferedImage image) throws IOException;
    }

    public byte[] reencode(Path file, Encoding encoding) throws IOException {
        return reencode(Files.readAllBytes(file), file.getFileName().toString(), encoding);
    }

    /** The same for an image held in memory; {@code name} is what messages call it. */
    public byte[] reencode(byte[] bytes, String name, Encoding encoding) throws IOException {
        Optional<ImageHeader> header = ImageHeader.read(bytes);
        if (header.isEmpty()) throw HttpError.message(400, "not an image: " + name);
        if (header.get().pixels() > maxPixels) {
            throw HttpError.message(400, new ImageHeader.TooLarge(header.get(), maxPixels).getMessage()
                    + " (--max-image-pixels)");
        }
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw HttpError.message(503, "too many image conversions at once; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpError.message(503, "interrupted while waiting to convert the image");
        }
        try {
            BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) throw HttpError.message(400, "not a readable image: " + name);
            return encoding.encode(image);
        } catch (IOException | RuntimeException damaged) {
            if (damaged instanceof HttpError error) throw error;
            throw HttpError.message(400, "not a readable image: " + name);
        } finally {
            permits.release();
        }
    }
}
