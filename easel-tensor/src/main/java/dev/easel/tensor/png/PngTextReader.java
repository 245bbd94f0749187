package dev.easel.tensor.png;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the text metadata of a PNG ({@code tEXt}, {@code zTXt}, {@code iTXt}) in file order,
 * where ComfyUI keeps the {@code prompt} and {@code workflow} JSON. Damaged text chunks are
 * skipped; a file that is not a PNG is an error.
 */
public final class PngTextReader {
    private PngTextReader() {}

    public static Map<String, String> read(byte[] png) {
        if (png.length < 8 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("not a PNG file");
        }
        Map<String, String> text = new LinkedHashMap<>();
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = readInt(png, pos);
            if (length < 0 || pos + 12L + length > png.length) break;
            String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
            int data = pos + 8;
            switch (type) {
                case "tEXt" -> putText(text, png, data, length);
                case "zTXt" -> putCompressedText(text, png, data, length);
                case "iTXt" -> putInternationalText(text, png, data, length);
                case "IEND" -> { return text; }
                default -> { }
            }
            pos = data + length + 4;
        }
        return text;
    }

    private static void putText(Map<String, String> text, byte[] b, int at, int length) {
        int nul = indexOfZero(b, at, at + length);
        if (nul < 0) return;
        text.put(latin1(b, at, nul), latin1(b, nul + 1, at + length));
    }

    private static void putCompressedText(Map<String, String> text, byte[] b, int at, int length) {
        int nul = indexOfZero(b, at, at + length);
        if (nul < 0 || nul + 2 > at + length) return;
        byte[] raw = inflate(b, nul + 2, at + length);
        if (raw != null) text.put(latin1(b, at, nul), new String(raw, StandardCharsets.ISO_8859_1));
    }

    private static void putInternationalText(Map<String, String> text, byte[] b, int at, int length) {
        int end = at + length;
        int nul = indexOfZero(b, at, end);
        if (nul < 0 || nul + 3 > end) return;
        boolean compressed = b[nul + 1] != 0;
        int languageEnd = indexOfZero(b, nul + 3, end);
        if (languageEnd < 0) return;
        int translatedEnd = indexOfZero(b, languageEnd + 1, end);
        if (translatedEnd < 0) return;
        byte[] raw = compressed ? inflate(b, translatedEnd + 1, end)
                : java.util.Arrays.copyOfRange(b, translatedEnd + 1, end);
        if (raw != null) text.put(latin1(b, at, nul), new String(raw, StandardCharsets.UTF_8));
    }

    private static byte[] inflate(byte[] b, int from, int to) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, from, to - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) return null;
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException damaged) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static int indexOfZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == 0) return i;
        return -1;
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
