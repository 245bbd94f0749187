package dev.easel.models.text;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's byte → unicode table, which CLIP's BPE uses so that every byte of UTF-8 text is a
 * visible character: printable Latin-1 bytes stand for themselves, the other 68 bytes (controls,
 * space, soft hyphen) take the code points from U+0100 on, in byte order.
 */
final class ByteSymbols {

    /** The 256 byte symbols in vocabulary order: the printable bytes first, then the rest. */
    private static final int[] ORDER = new int[256];
    private static final char[] SYMBOL = new char[256];

    static {
        boolean[] printable = new boolean[256];
        int next = 0;
        for (int b = 0; b < 256; b++) {
            if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
                printable[b] = true;
                SYMBOL[b] = (char) b;
                ORDER[next++] = b;
            }
        }
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable[b]) {
                SYMBOL[b] = (char) (256 + shifted++);
                ORDER[next++] = b;
            }
        }
    }

    private ByteSymbols() {
    }

    /** The symbol standing for one byte (0–255). */
    static char of(int unsignedByte) {
        return SYMBOL[unsignedByte];
    }

    /** The byte whose symbol comes at this position of the vocabulary (0–255). */
    static int byteAt(int position) {
        return ORDER[position];
    }

    /** The text's UTF-8 bytes, each written as its symbol. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = SYMBOL[bytes[i] & 0xFF];
        }
        return new String(out);
    }
}
