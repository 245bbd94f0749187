package dev.easel.models.safetensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    private Path written() throws IOException {
        Map<String, SafetensorsWriter.Entry> tensors = new LinkedHashMap<>();
        tensors.put("a.weight", SafetensorsWriter.floats(DType.F32, new float[]{1.5f, -2f, 3.25f, 0f, 7f, -0.125f}, 2, 3));
        tensors.put("b.half", SafetensorsWriter.floats(DType.F16, new float[]{0.1f, 65504f, -1f}, 3));
        tensors.put("c.brain", SafetensorsWriter.floats(DType.BF16, new float[]{1f / 3, 256.5f}, 1, 2));
        tensors.put("position_ids", SafetensorsWriter.longs(new long[]{0, 1, 2, 3}, 1, 4));
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));
        return file;
    }

    /** A file of one F32 tensor with a hand-written header. */
    private Path raw(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        return Files.write(dir.resolve("raw.safetensors"), out.array());
    }

    private static String one(String dtype, String shape, String offsets) {
        return "{\"t\": {\"dtype\": \"" + dtype + "\", \"shape\": " + shape + ", \"data_offsets\": " + offsets + "}}";
    }

    @Test
    void tensorsReadBackWithTheirTypesShapesAndValues() throws IOException {
        try (SafetensorsFile file = SafetensorsFile.open(written())) {
            assertThat(file.tensors()).extracting(StoredTensor::name).containsExactly("a.weight", "b.half", "c.brain", "position_ids");
            StoredTensor a = file.tensor("a.weight");
            assertThat(a.dtype()).isEqualTo(DType.F32);
            assertThat(a.shape()).containsExactly(2, 3);
            assertThat(a.fileOffset()).isEqualTo(file.dataStart());
            assertThat(file.dataStart() % 8).isZero();
            assertThat(file.floats(a)).containsExactly(1.5f, -2f, 3.25f, 0f, 7f, -0.125f);
            assertThat(file.floats(file.tensor("b.half"))).containsExactly(Float.float16ToFloat(Float.floatToFloat16(0.1f)), 65504f, -1f);
            // bf16 keeps float32's exponent and 8 bits of mantissa, rounded to nearest even
            assertThat(file.floats(file.tensor("c.brain"))).containsExactly(0.333984375f, 256f);
            assertThat(file.bytes(file.tensor("position_ids")).getLong(24)).isEqualTo(3);
            assertThat(file.metadata()).containsExactly(Map.entry("format", "pt"));
            assertThat(file.find("missing")).isEmpty();
            assertThatThrownBy(() -> file.tensor("missing")).isInstanceOf(SafetensorsException.class)
                    .hasMessage(file.path() + ": no tensor named missing");
        }
    }

    @Test
    void aTensorBeyondTwoGigabytesIsMappedInPlace() throws IOException {
        long pad = 2_200_000_000L;
        String header = "{\"pad\": {\"dtype\": \"U8\", \"shape\": [" + pad + "], \"data_offsets\": [0, " + pad + "]},"
                + " \"tail\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [" + pad + ", " + (pad + 8) + "]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("large.safetensors");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            out.seek(8 + json.length + pad);
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(4.5f).putFloat(-1f).array());
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            StoredTensor tail = st.tensor("tail");
            assertThat(tail.fileOffset()).isGreaterThan(Integer.MAX_VALUE);
            assertThat(st.floats(tail)).containsExactly(4.5f, -1f);
            assertThatThrownBy(() -> st.bytes(st.tensor("pad"))).hasMessageContaining("over 2 GB");
        }
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheTensorThatRunsPastTheEnd() throws IOException {
        Path file = written();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));

        assertThatThrownBy(() -> SafetensorsFile.open(file)).isInstanceOf(SafetensorsException.class)
                .hasMessageStartingWith(file + ": truncated: tensor position_ids: ends at byte 66 of the data, which has only 61 bytes");
    }

    @Test
    void aTruncatedHeaderIsRefused() throws IOException {
        Path file = written();
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 40));

        assertThatThrownBy(() -> SafetensorsFile.open(file)).hasMessageContaining("truncated: the header needs");
    }

    @Test
    void pickledCheckpointsAreRefusedWithTheReason() throws IOException {
        Path zip = Files.write(dir.resolve("v1-5-pruned-emaonly.ckpt"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
        Path pickle = Files.write(dir.resolve("model.pt"), new byte[]{(byte) 0x80, 2, 'c', '_', '_', 0, 0, 0, 0});

        for (Path file : new Path[]{zip, pickle}) {
            assertThatThrownBy(() -> SafetensorsFile.open(file)).isInstanceOf(SafetensorsException.class)
                    .hasMessageContaining("pickled PyTorch checkpoint").hasMessageContaining("never loads")
                    .hasMessageContaining("convert it to .safetensors");
        }
    }

    @Test
    void damagedHeadersAreRefusedSayingWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> SafetensorsFile.open(Files.write(dir.resolve("empty"), new byte[3])))
                .hasMessageEndingWith("too short to be a .safetensors file (3 bytes)");
        assertThatThrownBy(() -> SafetensorsFile.open(Files.write(dir.resolve("huge"),
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array())))
                .hasMessageContaining("the header length 1099511627776 is not between 2 and 100000000 bytes");
        assertThatThrownBy(() -> SafetensorsFile.open(raw("{\"t\": [", 0)))
                .hasMessageContaining("the header is not valid JSON");
        assertThatThrownBy(() -> SafetensorsFile.open(raw("[1, 2]", 0))).hasMessageEndingWith("the header is not a JSON object");
        assertThatThrownBy(() -> SafetensorsFile.open(raw(one("F33", "[1]", "[0, 4]"), 4)))
                .hasMessageEndingWith("tensor t: unknown dtype \"F33\"");
        assertThatThrownBy(() -> SafetensorsFile.open(raw(one("F32", "[2]", "[0, 4]"), 4)))
                .hasMessageEndingWith("tensor t: F32[2] needs 8 bytes, data_offsets [0,4] hold 4");
        assertThatThrownBy(() -> SafetensorsFile.open(raw(one("F32", "[-1]", "[0, 4]"), 4)))
                .hasMessageEndingWith("tensor t: shape [-1] is not a list of sizes");
        assertThatThrownBy(() -> SafetensorsFile.open(raw(one("F32", "[1]", "[4, 0]"), 4)))
                .hasMessageEndingWith("tensor t: data_offsets [4,0] are not a range");
        assertThatThrownBy(() -> SafetensorsFile.open(raw(one("F32", "[4611686018427387904, 4]", "[0, 4]"), 4)))
                .hasMessageEndingWith("tensor t: its size overflows");
        assertThatThrownBy(() -> SafetensorsFile.open(raw("{\"t\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]},"
                + " \"u\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [2, 6]}}", 8)))
                .hasMessageEndingWith("tensors t and u overlap");
        assertThatThrownBy(() -> SafetensorsFile.open(raw("{\"t\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]},"
                + " \"t\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 8)))
                .hasMessageContaining("the header is not valid JSON (Duplicate field 't'");
        assertThatThrownBy(() -> SafetensorsFile.open(raw("{\"__metadata__\": {\"n\": 1}}", 0)))
                .hasMessageEndingWith("__metadata__.n is not a string");
    }

    @Test
    void onlyFloatTensorsConvertToFloats() throws IOException {
        try (SafetensorsFile file = SafetensorsFile.open(written())) {
            assertThatThrownBy(() -> file.floats(file.tensor("position_ids")))
                    .hasMessageEndingWith("tensor position_ids is I64, not F32, F16 or BF16");
        }
    }
}
