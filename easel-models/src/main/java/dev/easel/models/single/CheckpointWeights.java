package dev.easel.models.single;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.easel.models.lora.LoraMerge;
import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.OnnxRuntime;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;
import dev.easel.models.safetensors.SafetensorsException;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.StoredTensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of one part of a checkpoint as the weights of the graph being built. Each tensor a
 * builder asks for is declared in the graph under its checkpoint key with {@code data_location =
 * EXTERNAL} and its stored element type, and bound to an ONNX Runtime tensor that wraps the
 * file's memory-mapped bytes: nothing is copied into the Java heap. The graph computes in float32,
 * so an F16 or BF16 tensor goes through a Cast, which ONNX Runtime folds once when the session is
 * created. A tensor whose bytes do not start on a multiple of its element size is copied into an
 * aligned native buffer. Tensors the graph does not ask for (EMA copies, schedule buffers, position
 * ids) are never touched. A weight that LoRAs change is read, merged in float32 and bound from a
 * native copy; the file itself is never written.
 */
final class CheckpointWeights implements GraphWeights, AutoCloseable {
    private final SafetensorsFile file;
    private final OnnxGraph graph;
    private final String prefix;
    private final String part;
    private final LoraMerge.Merged patches;
    private final Map<String, OnnxTensor> bound = new LinkedHashMap<>();
    private final Map<String, Value> values = new HashMap<>();
    private long copiedBytes;
    private int mergedCount;

    /** {@code part} names the network in messages ("the UNet"); keys are looked up under {@code prefix}. */
    CheckpointWeights(SafetensorsFile file, OnnxGraph graph, String prefix, String part, LoraMerge.Merged patches) {
        this.file = file;
        this.graph = graph;
        this.prefix = prefix;
        this.part = part;
        this.patches = patches;
    }

    @Override
    public OnnxGraph graph() {
        return graph;
    }

    /** The stored tensor {@code key} as a float32 graph value, after checking that its shape is {@code shape}. */
    @Override
    public Value get(String key, long... shape) {
        String name = prefix + key;
        Value known = values.get(name);
        if (known != null) return known;
        StoredTensor t = file.find(name).orElseThrow(() -> failure("has no tensor " + name + ", which " + part
                + " needs" + (shape.length > 0 ? " (shape " + Arrays.toString(shape) + ")" : "")));
        if (!Arrays.equals(t.shape(), shape)) {
            throw failure("tensor " + name + " is " + Arrays.toString(t.shape()) + ", but " + part + " as configured needs "
                    + Arrays.toString(shape));
        }
        if (patches.changes(name)) return bind(name, shape, merged(t, shape), ElementType.FLOAT);
        ElementType stored = switch (t.dtype()) {
            case F32 -> ElementType.FLOAT;
            case F16 -> ElementType.FLOAT16;
            case BF16 -> ElementType.BFLOAT16;
            default -> throw failure("tensor " + name + " is " + t.dtype() + "; Easel reads weights stored as F32, F16 or BF16");
        };
        return bind(name, shape, tensor(t, stored), stored);
    }

    private Value bind(String name, long[] shape, OnnxTensor tensor, ElementType stored) {
        bound.put(name, tensor);
        Value declared = graph.external(name, stored, Arrays.stream(shape).mapToInt(Math::toIntExact).toArray());
        Value value = stored == ElementType.FLOAT ? declared : graph.cast(declared, ElementType.FLOAT);
        values.put(name, value);
        return value;
    }

    /** The stored weight with the LoRAs' changes added, as a float32 tensor of its own. */
    private OnnxTensor merged(StoredTensor t, long[] shape) {
        try {
            float[] values = patches.apply(t.name(), file.floats(t), shape.length == 0 ? 1 : Math.toIntExact(shape[0]));
            ByteBuffer bytes = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            mergedCount++;
            return OnnxTensor.createTensor(OnnxRuntime.environment(), bytes, shape, OnnxJavaType.FLOAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("binding the merged " + t.name() + " of " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private OnnxTensor tensor(StoredTensor t, ElementType type) {
        OnnxJavaType javaType = switch (type) {
            case FLOAT -> OnnxJavaType.FLOAT;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            default -> OnnxJavaType.BFLOAT16;
        };
        try {
            ByteBuffer bytes = file.bytes(t);
            if (!t.aligned()) {
                ByteBuffer copy = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
                copy.put(bytes).flip();
                bytes = copy;
                copiedBytes += t.byteLength();
            }
            return OnnxTensor.createTensor(OnnxRuntime.environment(), bytes, t.shape(), javaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("binding " + t.name() + " of " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private UncheckedIOException failure(String problem) {
        return new UncheckedIOException(new SafetensorsException(file.path(), problem));
    }

    /** The bound tensors by name, for {@code OnnxSession.open}; the session then owns them. */
    Map<String, OnnxTensor> tensors() {
        return Map.copyOf(bound);
    }

    int count() {
        return bound.size();
    }

    /** Bytes that were copied because their tensor was not aligned. */
    long copiedBytes() {
        return copiedBytes;
    }

    /** How many weights were bound with LoRA changes merged in. */
    int mergedCount() {
        return mergedCount;
    }

    /** Closes the bound tensors; only for a graph whose session was never created. */
    @Override
    public void close() {
        bound.values().forEach(OnnxTensor::close);
        bound.clear();
    }
}
