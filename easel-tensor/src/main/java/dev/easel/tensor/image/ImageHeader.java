package dev.easel.tensor.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * An image's declared size, read from its header without decoding pixels, so a small file that
 * declares a huge canvas (a decompression bomb) is refused before any memory is spent on it.
 */
public record ImageHeader(String format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /** The header of {@code encoded}, or empty when no installed reader recognises it. */
    public static Optional<ImageHeader> read(byte[] encoded) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageHeader(reader.getFormatName(), reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IndexOutOfBoundsException | IllegalStateException noImage) {
            return Optional.empty();
        }
    }

    /** Throws {@link TooLarge} when the header declares more than {@code maxPixels}. */
    public static void requireAtMost(byte[] encoded, long maxPixels) throws IOException {
        Optional<ImageHeader> header = read(encoded);
        if (header.isPresent() && header.get().pixels() > maxPixels) throw new TooLarge(header.get(), maxPixels);
    }

    /** An image whose header declares more pixels than allowed. */
    public static final class TooLarge extends IOException {
        public TooLarge(ImageHeader header, long maxPixels) {
            super("image of " + header.width() + "x" + header.height() + " (" + header.pixels()
                    + " pixels) exceeds the limit of " + maxPixels + " pixels");
        }
    }
}
