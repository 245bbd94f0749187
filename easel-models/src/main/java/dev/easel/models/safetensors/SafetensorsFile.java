package dev.easel.models.safetensors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open {@code .safetensors} file: its header parsed and checked against the file's size, its
 * tensors read in place through memory mapping (one mapping per tensor, so files over 2 GB are
 * no different). Nothing is read into the heap unless {@link #floats} is asked for.
 *
 * <p>Everything a hostile or damaged file can get wrong is a {@link SafetensorsException} naming
 * the file: a header that is too large, not JSON, or names an unknown dtype; a shape that does
 * not match its byte range; ranges that overlap or run past the end of the file (truncation).
 * Pickled checkpoints ({@code .ckpt}, {@code .pt}) are recognised and refused, never unpickled.
 */
public final class SafetensorsFile implements AutoCloseable {
    /** The safetensors format's own limit on the header. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, StoredTensor> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, StoredTensor> tensors,
                            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    public static SafetensorsFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return read(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static SafetensorsFile read(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(size, 8)).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(prefix, 0);
        if (isPickle(prefix.array())) {
            throw new SafetensorsException(file, "this is a pickled PyTorch checkpoint (.ckpt/.pt), which Easel never "
                    + "loads because unpickling runs code from the file; convert it to .safetensors "
                    + "(or download the .safetensors release of the model)");
        }
        if (size < 8) throw new SafetensorsException(file, "too short to be a .safetensors file (" + size + " bytes)");
        long headerLength = prefix.getLong(0);
        if (headerLength <= 1 || headerLength > MAX_HEADER_BYTES) {
            throw new SafetensorsException(file, "the header length " + Long.toUnsignedString(headerLength)
                    + " is not between 2 and " + MAX_HEADER_BYTES + " bytes: not a .safetensors file, or a damaged one");
        }
        if (8 + headerLength > size) {
            throw new SafetensorsException(file, "truncated: the header needs " + headerLength + " bytes, the file has "
                    + (size - 8) + " after the length");
        }
        ByteBuffer header = ByteBuffer.allocate((int) headerLength);
        while (header.hasRemaining() && channel.read(header, 8 + header.position()) >= 0) {
            // read fully
        }
        JsonNode json;
        try {
            json = STRICT.readTree(header.array());
        } catch (IOException e) {
            throw new SafetensorsException(file, "the header is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (json == null || !json.isObject()) throw new SafetensorsException(file, "the header is not a JSON object");
        long dataStart = 8 + headerLength;
        long dataSize = size - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<StoredTensor> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("__metadata__")) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                found.add(tensor(file, field.getKey(), field.getValue(), dataStart, dataSize));
            }
        }
        found.sort(Comparator.comparingLong(StoredTensor::fileOffset));
        Map<String, StoredTensor> byName = new LinkedHashMap<>();
        StoredTensor previous = null;
        for (StoredTensor t : found) {
            if (previous != null && t.fileOffset() < previous.fileOffset() + previous.byteLength()) {
                throw new SafetensorsException(file, "tensors " + previous.name() + " and " + t.name() + " overlap");
            }
            byName.put(t.name(), t);
            previous = t;
        }
        return new SafetensorsFile(file, channel, dataStart, byName, metadata);
    }

    private static boolean isPickle(byte[] start) {
        // a zip archive (torch.save since 1.6) or a bare pickle (protocol 2+ opens with 0x80)
        return start.length >= 2 && ((start[0] == 'P' && start[1] == 'K') || (start[0] == (byte) 0x80 && start[1] >= 2 && start[1] <= 5));
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> into) throws SafetensorsException {
        if (!node.isObject()) throw new SafetensorsException(file, "__metadata__ is not an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new SafetensorsException(file, "__metadata__." + entry.getKey() + " is not a string");
            }
            into.put(entry.getKey(), entry.getValue().asText());
        }
    }

    private static StoredTensor tensor(Path file, String name, JsonNode node, long dataStart, long dataSize)
            throws SafetensorsException {
        String where = "tensor " + name + ": ";
        if (!node.isObject()) throw new SafetensorsException(file, where + "not an object");
        DType dtype = DType.of(node.path("dtype").asText(""))
                .orElseThrow(() -> new SafetensorsException(file, where + "unknown dtype " + node.path("dtype")));
        JsonNode shapeNode = node.path("shape");
        if (!shapeNode.isArray()) throw new SafetensorsException(file, where + "no shape");
        long[] shape = new long[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw new SafetensorsException(file, where + "shape " + shapeNode + " is not a list of sizes");
            }
            shape[i] = d.asLong();
            elements = multiply(file, where, elements, shape[i]);
        }
        JsonNode offsets = node.path("data_offsets");
        if (!offsets.isArray() || offsets.size() != 2 || !offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()) {
            throw new SafetensorsException(file, where + "data_offsets must be [begin, end]");
        }
        long begin = offsets.get(0).asLong(), end = offsets.get(1).asLong();
        if (begin < 0 || end < begin) throw new SafetensorsException(file, where + "data_offsets " + offsets + " are not a range");
        long expected = multiply(file, where, elements, dtype.size());
        if (end - begin != expected) {
            throw new SafetensorsException(file, where + dtype + shapeNode + " needs " + expected + " bytes, data_offsets "
                    + offsets + " hold " + (end - begin));
        }
        if (end > dataSize) {
            throw new SafetensorsException(file, "truncated: " + where + "ends at byte " + end
                    + " of the data, which has only " + dataSize + " bytes");
        }
        return new StoredTensor(name, dtype, shape, dataStart + begin, end - begin);
    }

    private static long multiply(Path file, String where, long a, long b) throws SafetensorsException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new SafetensorsException(file, where + "its size overflows");
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public Path path() {
        return path;
    }

    /** The absolute offset of the data area (8 + the header's length). */
    public long dataStart() {
        return dataStart;
    }

    /** Every tensor, in the order of its bytes in the file. */
    public List<StoredTensor> tensors() {
        return List.copyOf(tensors.values());
    }

    public Optional<StoredTensor> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public StoredTensor tensor(String name) throws SafetensorsException {
        StoredTensor t = tensors.get(name);
        if (t == null) throw new SafetensorsException(path, "no tensor named " + name);
        return t;
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /** The tensor's bytes, mapped read-only, little-endian. */
    public ByteBuffer bytes(StoredTensor t) throws IOException {
        if (t.byteLength() == 0) return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();
        if (t.byteLength() > Integer.MAX_VALUE) {
            throw new SafetensorsException(path, "tensor " + t.name() + " is over 2 GB and cannot be mapped as one buffer");
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, t.fileOffset(), t.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A floating-point tensor's values as floats (F32, F16 or BF16), copied into the heap. */
    public float[] floats(StoredTensor t) throws IOException {
        if (t.elementCount() > Integer.MAX_VALUE - 8) {
            throw new SafetensorsException(path, "tensor " + t.name() + " is too large to copy into one array");
        }
        ByteBuffer bytes = bytes(t);
        float[] out = new float[(int) t.elementCount()];
        switch (t.dtype()) {
            case F32 -> bytes.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < out.length; i++) out[i] = Float.float16ToFloat(bytes.getShort(i * 2));
            }
            case BF16 -> {
                for (int i = 0; i < out.length; i++) out[i] = Float.intBitsToFloat((bytes.getShort(i * 2) & 0xFFFF) << 16);
            }
            default -> throw new SafetensorsException(path, "tensor " + t.name() + " is " + t.dtype() + ", not F32, F16 or BF16");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
