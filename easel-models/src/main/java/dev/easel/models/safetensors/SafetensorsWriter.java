package dev.easel.models.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes {@code .safetensors} files: tensors in the order given, packed one after another, the
 * header padded with spaces to a multiple of 8 bytes as the reference writer does, so every
 * tensor starts aligned. Used for the small checkpoints tests build and for files Easel writes.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {
    }

    /** A tensor to write: raw little-endian bytes of {@code dtype} in row-major {@code shape}. */
    public record Entry(DType dtype, long[] shape, byte[] data) {
        public Entry {
            shape = shape.clone();
            long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            if (elements * dtype.size() != data.length) {
                throw new IllegalArgumentException(dtype + Arrays.toString(shape) + " needs " + elements * dtype.size()
                        + " bytes, got " + data.length);
            }
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    /** {@code values} stored as {@code dtype} (F32, F16 rounded to nearest, or BF16 rounded to nearest even). */
    public static Entry floats(DType dtype, float[] values, long... shape) {
        ByteBuffer out = ByteBuffer.allocate(values.length * dtype.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (dtype) {
                case F32 -> out.putFloat(v);
                case F16 -> out.putShort(Float.floatToFloat16(v));
                case BF16 -> out.putShort(toBfloat16(v));
                default -> throw new IllegalArgumentException(dtype + " is not F32, F16 or BF16");
            }
        }
        return new Entry(dtype, shape, out.array());
    }

    public static Entry longs(long[] values, long... shape) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) out.putLong(v);
        return new Entry(DType.I64, shape, out.array());
    }

    static short toBfloat16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) return (short) ((bits >>> 16) | 0x40);
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return (short) (rounded >>> 16);
    }

    public static void write(Path file, Map<String, Entry> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Entry> t : tensors.entrySet()) {
            ObjectNode node = header.putObject(t.getKey());
            node.put("dtype", t.getValue().dtype().name());
            ArrayNode shape = node.putArray("shape");
            for (long d : t.getValue().shape()) shape.add(d);
            node.putArray("data_offsets").add(offset).add(offset + t.getValue().data().length);
            offset += t.getValue().data().length;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = Arrays.copyOf(json, padded);
        Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(headerBytes);
            for (Entry t : tensors.values()) out.write(t.data());
        }
    }
}
