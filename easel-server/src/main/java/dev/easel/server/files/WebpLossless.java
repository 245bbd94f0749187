package dev.easel.server.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/**
 * Writes an image as a lossless WebP (VP8L) without compression to speak of: no transforms,
 * and every channel coded with fixed 8-bit prefix codes. It is as large as raw ARGB, which is
 * fine for the small model previews it serves, and needs nothing beyond the JDK, which has no
 * WebP writer.
 */
public final class WebpLossless {
    public static final int MAX_SIDE = 16384;
    private static final int SIGNATURE = 0x2f;
    /** The order in which the lengths of the code-length code are written (RFC 9649, 3.7.2.1.2). */
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int GREEN_ALPHABET = 256 + 24;

    private WebpLossless() {
    }

    public static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a WebP side is at most " + MAX_SIDE + " pixels, not " + width + "x" + height);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        boolean alpha = false;
        for (int p : argb) alpha |= (p >>> 24) != 0xFF;
        Bits bits = new Bits();
        bits.write(SIGNATURE, 8);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(alpha ? 1 : 0, 1);
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no color cache
        bits.write(0, 1); // one group of prefix codes for the whole image
        eightBitCode(bits, GREEN_ALPHABET);
        for (int channel = 0; channel < 3; channel++) eightBitCode(bits, 256); // red, blue, alpha
        bits.write(1, 1); // distance: a simple code of one symbol, never used
        bits.write(0, 1);
        bits.write(0, 1);
        bits.write(0, 1);
        for (int p : argb) {
            bits.symbol((p >>> 8) & 0xFF);
            bits.symbol((p >>> 16) & 0xFF);
            bits.symbol(p & 0xFF);
            bits.symbol(p >>> 24);
        }
        return riff(bits.bytes());
    }

    /**
     * A prefix code giving each of the first 256 symbols 8 bits (the rest none), sent through a
     * code-length code of two symbols, 0 and 8, of one bit each.
     */
    private static void eightBitCode(Bits bits, int alphabet) {
        bits.write(0, 1); // a normal code
        int used = 12; // up to length 8 in CODE_LENGTH_ORDER
        bits.write(used - 4, 4);
        for (int i = 0; i < used; i++) {
            int length = CODE_LENGTH_ORDER[i];
            bits.write(length == 0 || length == 8 ? 1 : 0, 3);
        }
        bits.write(0, 1); // lengths for the whole alphabet follow
        for (int symbol = 0; symbol < alphabet; symbol++) bits.write(symbol < 256 ? 1 : 0, 1);
    }

    private static byte[] riff(byte[] vp8l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(vp8l.length + 21);
        int padded = vp8l.length + (vp8l.length & 1);
        out.writeBytes("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        littleEndian(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        littleEndian(out, vp8l.length);
        out.writeBytes(vp8l);
        if ((vp8l.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) out.write(value >>> (8 * i));
    }

    /** Bits packed from the least significant end of each byte, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int filled;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) bit((value >>> i) & 1);
        }

        /** An 8-bit prefix code: the code's first bit is its most significant one. */
        void symbol(int value) {
            for (int i = 7; i >= 0; i--) bit((value >>> i) & 1);
        }

        private void bit(int b) {
            current |= b << filled;
            if (++filled == 8) {
                out.write(current);
                current = 0;
                filled = 0;
            }
        }

        byte[] bytes() {
            if (filled > 0) out.write(current);
            current = 0;
            filled = 0;
            return out.toByteArray();
        }
    }
}
