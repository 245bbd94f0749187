package dev.easel.tensor.png;

import dev.easel.tensor.image.Pixels8;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PngTextReaderTest {

    /** A PNG with extra chunks spliced in after IHDR (8-byte signature + 25-byte IHDR chunk). */
    private static byte[] withChunks(byte[]... chunks) throws IOException {
        byte[] base = new PngEncoder(1).encode(new Pixels8(1, 1, 3, new byte[3]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(base, 0, 33);
        for (byte[] c : chunks) out.write(c);
        out.write(base, 33, base.length - 33);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngChunkWriter(out).write(type, data);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] deflate(String s) {
        Deflater d = new Deflater();
        d.setInput(s.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] buf = new byte[1024];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    @Test
    void readsCompressedTextChunks() throws IOException {
        byte[] ztxt = chunk("zTXt", concat("workflow".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0}, deflate("{\"a\": 1}")));
        byte[] itxt = chunk("iTXt", concat("note".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 1, 0},
                "en".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0}, deflate("naïve ☕")));
        assertThat(PngTextReader.read(withChunks(ztxt, itxt)))
                .containsExactly(Map.entry("workflow", "{\"a\": 1}"), Map.entry("note", "naïve ☕"));
    }

    @Test
    void skipsDamagedTextChunks() throws IOException {
        byte[] broken = chunk("zTXt", concat("bad".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 1, 2, 3}));
        byte[] good = chunk("tEXt", "prompt\0{}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(PngTextReader.read(withChunks(broken, good))).containsExactly(Map.entry("prompt", "{}"));
    }

    @Test
    void aPngWithoutTextHasNone() {
        assertThat(PngTextReader.read(new PngEncoder(1).encode(new Pixels8(1, 1, 3, new byte[3])))).isEmpty();
    }

    @Test
    void rejectsFilesThatAreNotPng() {
        assertThatThrownBy(() -> PngTextReader.read("GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("not a PNG file");
    }
}
