package dev.easel.tensor.png;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Frames PNG chunks: length, type, data, CRC over type and data. */
final class PngChunkWriter {
    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private final byte[] word = new byte[4];

    PngChunkWriter(OutputStream out) {
        this.out = out;
    }

    void write(String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        putInt(word, 0, data.length);
        out.write(word);
        out.write(typeBytes);
        out.write(data);
        crc.reset();
        crc.update(typeBytes);
        crc.update(data);
        putInt(word, 0, (int) crc.getValue());
        out.write(word);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
