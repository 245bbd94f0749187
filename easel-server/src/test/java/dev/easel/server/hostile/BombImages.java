package dev.easel.server.hostile;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** PNG files that declare a huge canvas in a few bytes: a signature, an IHDR, nothing else. */
final class BombImages {
    private BombImages() {
    }

    static byte[] png(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes());
        crc.update(ihdr);
        return ByteBuffer.allocate(8 + 8 + 13 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put("IHDR".getBytes()).put(ihdr).putInt((int) crc.getValue()).array();
    }
}
