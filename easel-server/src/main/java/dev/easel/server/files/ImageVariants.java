package dev.easel.server.files;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** The re-encodings {@code /view} offers: a channel cut as PNG, or a JPEG preview. */
public final class ImageVariants {

    private ImageVariants() {
    }

    public static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new IOException("not a readable image: " + file.getFileName());
        return image;
    }

    /** The colour channels only, alpha dropped. */
    public static byte[] rgbPng(BufferedImage image) throws IOException {
        return png(copy(image, BufferedImage.TYPE_INT_RGB, false));
    }

    /** Black pixels carrying the source's alpha (255 where the source has none). */
    public static byte[] alphaPng(BufferedImage image) throws IOException {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        boolean hasAlpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int alpha = hasAlpha ? image.getRGB(x, y) >>> 24 : 255;
                out.setRGB(x, y, alpha << 24);
            }
        }
        return png(out);
    }

    /**
     * A JPEG at the given quality (1–100). The JDK has no WebP encoder, so a WebP preview request
     * is answered with JPEG as well (the Content-Type says so).
     */
    public static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        BufferedImage rgb = copy(image, BufferedImage.TYPE_INT_RGB, false);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.max(0f, Math.min(1f, quality / 100f)));
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static BufferedImage copy(BufferedImage image, int type, boolean keepAlpha) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                out.setRGB(x, y, keepAlpha ? argb : argb | 0xFF000000);
            }
        }
        return out;
    }
}
