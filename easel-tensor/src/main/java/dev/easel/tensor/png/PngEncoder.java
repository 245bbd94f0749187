package dev.easel.tensor.png;

import dev.easel.tensor.image.Pixels8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes 8-bit grey, grey+alpha, RGB or RGBA PNGs with text chunks. The zlib level is ours to
 * choose because ComfyUI's output depends on it: 4 for saved images, 1 for previews and
 * streamed frames. Text goes into {@code tEXt} when it is Latin-1 and into an uncompressed
 * {@code iTXt} (UTF-8) otherwise, as Pillow does. Instances are immutable and thread-safe.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final int level;
    private final PngFilter filter;

    public PngEncoder(int level, PngFilter filter) {
        if (level < 0 || level > 9) throw new IllegalArgumentException("compression level must be 0..9, got " + level);
        this.level = level;
        this.filter = filter;
    }

    public PngEncoder(int level) {
        this(level, PngFilter.SUB);
    }

    public byte[] encode(Pixels8 pixels) {
        return encode(pixels, Map.of());
    }

    /** Encodes with text chunks in the map's iteration order, placed before the image data. */
    public byte[] encode(Pixels8 pixels, Map<String, String> text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.data().length / 4 + 1024);
        try {
            write(pixels, text, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    public void write(Pixels8 pixels, Map<String, String> text, OutputStream out) throws IOException {
        PngChunkWriter chunks = new PngChunkWriter(out);
        out.write(SIGNATURE);
        chunks.write("IHDR", header(pixels));
        for (Map.Entry<String, String> entry : text.entrySet()) {
            writeText(chunks, entry.getKey(), entry.getValue());
        }
        chunks.write("IDAT", compress(filtered(pixels)));
        chunks.write("IEND", new byte[0]);
        out.flush();
    }

    private static byte[] header(Pixels8 p) {
        byte[] h = new byte[13];
        PngChunkWriter.putInt(h, 0, p.width());
        PngChunkWriter.putInt(h, 4, p.height());
        h[8] = 8;
        h[9] = (byte) switch (p.channels()) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> 6;
        };
        return h; // compression, filter method and interlace stay 0
    }

    private byte[] filtered(Pixels8 p) {
        int rowBytes = p.width() * p.channels();
        byte[] out = new byte[(rowBytes + 1) * p.height()];
        for (int y = 0; y < p.height(); y++) {
            filter.apply(p.data(), y, rowBytes, p.channels(), out, y * (rowBytes + 1));
        }
        return out;
    }

    private byte[] compress(byte[] raw) {
        Deflater deflater = DeflaterPool.take(level);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[Math.max(1024, raw.length / 2)];
            int len = 0;
            while (!deflater.finished()) {
                if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                len += deflater.deflate(buf, len, buf.length - len);
            }
            return Arrays.copyOf(buf, len);
        } finally {
            DeflaterPool.give(level, deflater);
        }
    }

    private static void writeText(PngChunkWriter chunks, String keyword, String text) throws IOException {
        if (keyword.isEmpty() || keyword.length() > 79 || !latin1(keyword)) {
            throw new IllegalArgumentException("PNG text keyword must be 1-79 Latin-1 characters: '" + keyword + "'");
        }
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream(key.length + text.length() + 8);
        body.write(key);
        body.write(0);
        if (latin1(text)) {
            body.write(text.getBytes(StandardCharsets.ISO_8859_1));
            chunks.write("tEXt", body.toByteArray());
        } else {
            body.write(new byte[] {0, 0, 0, 0}); // uncompressed, method 0, empty language and translated keyword
            body.write(text.getBytes(StandardCharsets.UTF_8));
            chunks.write("iTXt", body.toByteArray());
        }
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0xFF) return false;
        return true;
    }
}
