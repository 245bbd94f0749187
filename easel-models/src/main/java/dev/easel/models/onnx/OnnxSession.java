package dev.easel.models.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.easel.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One ONNX Runtime session with its declared inputs and outputs. {@link #run} takes Java values,
 * converts each to the element type the model declares, and returns float32 tensors; every
 * native tensor and result is closed before it returns. Runs may be concurrent; {@link #close}
 * waits for them.
 */
public final class OnnxSession implements AutoCloseable {
    private final String label;
    private final OrtSession session;
    private final Map<String, TensorSpec> inputs;
    private final Map<String, TensorSpec> outputs;
    private final List<OnnxTensorLike> owned;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxSession(String label, OrtSession session, List<OnnxTensorLike> owned) throws OrtException {
        this.label = label;
        this.session = session;
        this.owned = owned;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
    }

    /** Opens a model file; external data files next to it are found by ONNX Runtime. */
    public static OnnxSession open(Path model, SessionSettings settings) throws NoSuchFileException {
        if (!Files.isRegularFile(model)) throw new NoSuchFileException(model.toString(), null, "ONNX model file not found");
        return create(model.toString(), List.of(), (env, opts) -> env.createSession(model.toString(), opts), settings);
    }

    /** Opens a model built in memory; {@code label} names it in messages. */
    public static OnnxSession open(byte[] model, String label, SessionSettings settings) {
        return open(model, label, settings, Map.of());
    }

    /**
     * Opens a model whose {@code EXTERNAL} initializers are bound to {@code weights}. The session
     * takes ownership of the weight tensors and closes them when it is closed.
     */
    public static OnnxSession open(byte[] model, String label, SessionSettings settings,
                                   Map<String, ? extends OnnxTensorLike> weights) {
        List<OnnxTensorLike> owned = new ArrayList<>(weights.values());
        Map<String, OnnxTensorLike> bound = new LinkedHashMap<>(weights);
        return create(label, owned, (env, opts) -> {
            if (!bound.isEmpty()) opts.addExternalInitializers(bound);
            return env.createSession(model, opts);
        }, settings);
    }

    /** A float32 tensor for {@link #open(byte[], String, SessionSettings, Map)}. */
    public static OnnxTensor weight(Tensor tensor) {
        try {
            return TensorConversion.toOnnx(OnnxRuntime.environment(), Feed.of(tensor), ElementType.FLOAT);
        } catch (OrtException e) {
            throw OnnxRuntime.failure("creating a weight tensor", e);
        }
    }

    private interface Creator {
        OrtSession create(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException;
    }

    private static OnnxSession create(String label, List<OnnxTensorLike> owned, Creator creator, SessionSettings settings) {
        OrtEnvironment env = OnnxRuntime.environment();
        try (OrtSession.SessionOptions options = settings.toOptions()) {
            return new OnnxSession(label, creator.create(env, options), owned);
        } catch (OrtException e) {
            owned.forEach(OnnxSession::closeQuietly);
            throw OnnxRuntime.failure("loading " + label, e);
        }
    }

    public String label() {
        return label;
    }

    public Map<String, TensorSpec> inputs() {
        return inputs;
    }

    public Map<String, TensorSpec> outputs() {
        return outputs;
    }

    public Optional<TensorSpec> findInput(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    public Optional<TensorSpec> findOutput(String name) {
        return Optional.ofNullable(outputs.get(name));
    }

    /** The declared input, or an error naming the model and what it does declare. */
    public TensorSpec input(String name) {
        return findInput(name).orElseThrow(() -> new IllegalArgumentException(
                label + " has no input " + name + "; it declares " + inputs.keySet()));
    }

    public TensorSpec output(String name) {
        return findOutput(name).orElseThrow(() -> new IllegalArgumentException(
                label + " has no output " + name + "; it declares " + outputs.keySet()));
    }

    /** Runs the model on {@code feeds} (one per declared input) and returns the named outputs. */
    public Map<String, Tensor> run(Map<String, Feed> feeds, Collection<String> outputNames) {
        outputNames.forEach(this::output);
        lifecycle.readLock().lock();
        List<OnnxTensor> created = new ArrayList<>();
        try {
            if (closed) throw new IllegalStateException(label + " was closed (unloaded from the model cache)");
            Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Feed> feed : feeds.entrySet()) {
                TensorSpec spec = input(feed.getKey());
                checkShape(spec, feed.getValue().shape());
                ElementType type = spec.type().orElseThrow(() -> new IllegalArgumentException(
                        label + " input " + spec.name() + " has an element type Easel cannot feed"));
                OnnxTensor tensor = TensorConversion.toOnnx(OnnxRuntime.environment(), feed.getValue(), type);
                created.add(tensor);
                tensors.put(spec.name(), tensor);
            }
            try (OrtSession.Result result = session.run(tensors, new LinkedHashSet<>(outputNames))) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (String name : outputNames) {
                    OnnxValue value = result.get(name).orElseThrow();
                    out.put(name, TensorConversion.toTensor((OnnxTensor) value));
                }
                return out;
            }
        } catch (OrtException e) {
            throw OnnxRuntime.failure("running " + label, e);
        } finally {
            created.forEach(OnnxTensor::close);
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Ends ONNX Runtime's profile of this session (see {@link SessionSettings#withProfiling}) and
     * returns the JSON file it wrote; empty when the session was not profiled.
     */
    public Optional<Path> endProfiling() {
        lifecycle.readLock().lock();
        try {
            if (closed) throw new IllegalStateException(label + " was closed (unloaded from the model cache)");
            String file = session.endProfiling();
            return file == null || file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
        } catch (OrtException e) {
            throw OnnxRuntime.failure("ending the profile of " + label, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            closeQuietly(session);
            owned.forEach(OnnxSession::closeQuietly);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxSession[" + label + ", inputs " + inputs.values() + ", outputs " + outputs.values() + "]";
    }

    private void checkShape(TensorSpec spec, int[] shape) {
        long[] declared = spec.shape();
        boolean fits = declared.length == shape.length;
        for (int i = 0; fits && i < shape.length; i++) fits = declared[i] < 0 || declared[i] == shape[i];
        if (!fits) {
            throw new IllegalArgumentException(label + " input " + spec.name() + " is declared "
                    + Arrays.toString(declared) + " (−1: any size) but was given " + Arrays.toString(shape));
        }
    }

    private static Map<String, TensorSpec> specs(Map<String, NodeInfo> infos) {
        Map<String, TensorSpec> specs = new LinkedHashMap<>();
        infos.forEach((name, info) -> {
            if (info.getInfo() instanceof TensorInfo t) {
                specs.put(name, new TensorSpec(name, ElementType.of(t.type), t.getShape()));
            }
        });
        return java.util.Collections.unmodifiableMap(specs);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing native memory cannot be retried; nothing useful to report
        }
    }
}
