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
        write(type, data, data.length);
    }

    /** Writes the first {@code length} bytes of {@code data} as one chunk. */
    void write(String type, byte[] data, int length) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        putInt(word, 0, length);
        out.write(word);
        out.write(typeBytes);
        out.write(data, 0, length);
        crc.reset();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        putInt(word, 0, (int) crc.getValue());
        out.write(word);
    }

    /** Bytes a chunk with {@code dataLength} bytes of data takes: length, type, data, CRC. */
    static int size(int dataLength) {
        return 12 + dataLength;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
