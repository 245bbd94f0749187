package dev.easel.tensor.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Baseline JPEG for previews; ComfyUI sends them at quality 95. Alpha is dropped. */
public final class JpegEncoding {
    public static final float PREVIEW_QUALITY = 0.95f;

    private JpegEncoding() {}

    public static byte[] encode(Pixels8 pixels) {
        return encode(pixels, PREVIEW_QUALITY);
    }

    /** @param quality 0..1 */
    public static byte[] encode(Pixels8 pixels, float quality) {
        BufferedImage img = toBgr(pixels);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.data().length / 8 + 1024);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage toBgr(Pixels8 p) {
        BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] src = p.data();
        int c = p.channels();
        int n = p.width() * p.height();
        for (int i = 0; i < n; i++) {
            int s = i * c;
            byte r = src[s];
            byte g = c >= 3 ? src[s + 1] : r;
            byte b = c >= 3 ? src[s + 2] : r;
            dst[i * 3] = b;
            dst[i * 3 + 1] = g;
            dst[i * 3 + 2] = r;
        }
        return img;
    }
}
