package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes PNG, JPEG, BMP and GIF (first frame) files into float32 tensors, values v/255.
 * 8-bit grey images are read from their raster: going through {@code getRGB} would treat grey
 * as linear light and brighten it, where Pillow copies the value to R, G and B.
 */
public final class ImageDecoding {
    private ImageDecoding() {}

    public static DecodedImage decode(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /** Decodes unless the header declares more than {@code maxPixels} ({@link ImageHeader.TooLarge}). */
    public static DecodedImage decode(Path file, long maxPixels) throws IOException {
        byte[] encoded = Files.readAllBytes(file);
        ImageHeader.requireAtMost(encoded, maxPixels);
        return decode(encoded);
    }

    public static DecodedImage decode(byte[] encoded) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(encoded));
        if (img == null) throw new IOException("unsupported or damaged image file");
        int w = img.getWidth(), h = img.getHeight();
        ColorModel cm = img.getColorModel();
        boolean hasAlpha = cm.hasAlpha();
        float[] rgb = new float[h * w * 3];
        float[] alpha = hasAlpha ? new float[h * w] : null;
        Raster raster = img.getRaster();
        if (isByteGrey(cm, raster)) {
            int bands = raster.getNumBands();
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x * bands] / 255f;
                    int p = (y * w + x) * 3;
                    rgb[p] = v;
                    rgb[p + 1] = v;
                    rgb[p + 2] = v;
                    if (alpha != null) alpha[y * w + x] = row[x * bands + bands - 1] / 255f;
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    int p = (y * w + x) * 3;
                    rgb[p] = ((argb >> 16) & 0xFF) / 255f;
                    rgb[p + 1] = ((argb >> 8) & 0xFF) / 255f;
                    rgb[p + 2] = (argb & 0xFF) / 255f;
                    if (alpha != null) alpha[y * w + x] = ((argb >>> 24) & 0xFF) / 255f;
                }
            }
        }
        return new DecodedImage(Tensor.of(rgb, 1, h, w, 3),
                Optional.ofNullable(alpha).map(a -> Tensor.of(a, 1, h, w)));
    }

    private static boolean isByteGrey(ColorModel cm, Raster raster) {
        return !(cm instanceof IndexColorModel)
                && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getTransferType() == DataBuffer.TYPE_BYTE;
    }
}
