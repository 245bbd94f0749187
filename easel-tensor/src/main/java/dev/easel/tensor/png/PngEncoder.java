package dev.easel.tensor.png;

import dev.easel.tensor.image.Pixels8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Encodes with text chunks in the map's iteration order, placed before the image data. The
     * result is written into one array of the exact size: on the hot path of streamed frames,
     * every whole-image copy counts.
     */
    public byte[] encode(Pixels8 pixels, Map<String, String> text) {
        List<TextChunk> texts = textChunks(text);
        Compressed data = compress(filtered(pixels));
        int size = SIGNATURE.length + PngChunkWriter.size(13) + PngChunkWriter.size(data.length()) + PngChunkWriter.size(0);
        for (TextChunk t : texts) size += PngChunkWriter.size(t.body().length);
        byte[] png = new byte[size];
        try {
            write(pixels, texts, data, new ArrayOutput(png));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return png;
    }

    public void write(Pixels8 pixels, Map<String, String> text, OutputStream out) throws IOException {
        write(pixels, textChunks(text), compress(filtered(pixels)), out);
        out.flush();
    }

    private static void write(Pixels8 pixels, List<TextChunk> texts, Compressed data, OutputStream out) throws IOException {
        PngChunkWriter chunks = new PngChunkWriter(out);
        out.write(SIGNATURE);
        chunks.write("IHDR", header(pixels));
        for (TextChunk t : texts) chunks.write(t.type(), t.body());
        chunks.write("IDAT", data.bytes(), data.length());
        chunks.write("IEND", new byte[0]);
    }

    private record TextChunk(String type, byte[] body) {}

    private record Compressed(byte[] bytes, int length) {}

    /** Writes into a fixed array (sized beforehand), so the result needs no final copy. */
    private static final class ArrayOutput extends OutputStream {
        private final byte[] target;
        private int position;

        ArrayOutput(byte[] target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target[position++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, target, position, len);
            position += len;
        }
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

    /** Deflates into a buffer of zlib's worst-case size, so it is allocated once and never grown. */
    private Compressed compress(byte[] raw) {
        Deflater deflater = DeflaterPool.take(level);
        try {
            deflater.setInput(raw);
            deflater.finish();
            int bound = raw.length + (raw.length >> 12) + (raw.length >> 14) + (raw.length >> 25) + 64;
            byte[] buf = new byte[bound];
            int len = 0;
            while (!deflater.finished()) {
                if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                len += deflater.deflate(buf, len, buf.length - len);
            }
            return new Compressed(buf, len);
        } finally {
            DeflaterPool.give(level, deflater);
        }
    }

    private static List<TextChunk> textChunks(Map<String, String> text) {
        List<TextChunk> chunks = new ArrayList<>(text.size());
        text.forEach((keyword, value) -> chunks.add(textChunk(keyword, value)));
        return chunks;
    }

    private static TextChunk textChunk(String keyword, String text) {
        if (keyword.isEmpty() || keyword.length() > 79 || !latin1(keyword)) {
            throw new IllegalArgumentException("PNG text keyword must be 1-79 Latin-1 characters: '" + keyword + "'");
        }
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream(key.length + text.length() + 8);
        body.writeBytes(key);
        body.write(0);
        if (latin1(text)) {
            body.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            return new TextChunk("tEXt", body.toByteArray());
        }
        body.writeBytes(new byte[] {0, 0, 0, 0}); // uncompressed, method 0, empty language and translated keyword
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return new TextChunk("iTXt", body.toByteArray());
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0xFF) return false;
        return true;
    }
}
