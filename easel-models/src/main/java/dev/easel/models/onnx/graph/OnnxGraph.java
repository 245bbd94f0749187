package dev.easel.models.onnx.graph;

import dev.easel.models.onnx.ElementType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an ONNX model (opset 21, IR 10) so that the code reads like the network:
 * <pre>{@code
 * OnnxGraph g = OnnxGraph.named("vae_decoder");
 * Value z = g.input("latent_sample", ElementType.FLOAT, "batch", 4, "height", "width");
 * Value up = g.resizeNearest(z, 8, 8);
 * g.output("sample", g.tanh(g.conv(up, g.weight("conv.weight", w, 3, 4, 1, 1), g.weight("conv.bias", b, 3))),
 *          ElementType.FLOAT, "batch", 3, "H", "W");
 * byte[] model = g.build();
 * }</pre>
 * Every op returns its output {@link Value}; ONNX Runtime infers shapes. Weights are either inline
 * ({@link #weight}) or external placeholders ({@link #external}) bound when the session is created.
 */
public final class OnnxGraph {
    private final GraphCore core;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private OnnxGraph(String name) {
        core = new GraphCore(name);
    }

    public static OnnxGraph named(String name) {
        return new OnnxGraph(name);
    }

    // ---- declarations ---------------------------------------------------------------------

    /** A graph input; each dimension is a number or a symbolic name. */
    public Value input(String name, ElementType type, Object... dims) {
        core.input(name, type, Shape.of(dims));
        return new Value(name);
    }

    /** Declares {@code value} as the graph output {@code name} (through an Identity when the names differ). */
    public OnnxGraph output(String name, Value value, ElementType type, Object... dims) {
        if (!value.name().equals(name)) {
            core.claim(name);
            core.node("Identity", List.of(value), Map.of(), List.of(name));
        }
        core.output(name, type, Shape.of(dims));
        return this;
    }

    /** A float32 weight stored in the model. */
    public Value weight(String name, float[] data, int... dims) {
        core.claim(name);
        core.initializer(Initializers.floats(name, data, longs(dims)));
        return new Value(name);
    }

    /** A weight declared with {@code data_location = EXTERNAL}, to be bound with {@code addExternalInitializers}. */
    public Value external(String name, ElementType type, int... dims) {
        core.claim(name);
        core.initializer(Initializers.external(name, type, longs(dims)));
        return new Value(name);
    }

    /** A float32 scalar (rank 0), broadcasting against anything. */
    public Value scalar(float value) {
        String name = core.fresh("const");
        core.initializer(Initializers.floats(name, new float[]{value}, new long[0]));
        return new Value(name);
    }

    /** A float32 constant of the given shape. */
    public Value constant(float[] data, int... dims) {
        String name = core.fresh("const");
        core.initializer(Initializers.floats(name, data, longs(dims)));
        return new Value(name);
    }

    /** A 1-D int64 constant: shapes, axes, indices. */
    public Value ints(long... values) {
        String name = core.fresh("ints");
        core.initializer(Initializers.longs(name, values, new long[]{values.length}));
        return new Value(name);
    }

    /** An int64 scalar (rank 0): a Gather index that drops its axis. */
    public Value intScalar(long value) {
        String name = core.fresh("int");
        core.initializer(Initializers.longs(name, new long[]{value}, new long[0]));
        return new Value(name);
    }

    public OnnxGraph metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** The serialised {@code ModelProto}. */
    public byte[] build() {
        return core.build(metadata);
    }

    // ---- any op -----------------------------------------------------------------------------

    /**
     * Any single-output op of the default domain. Attribute values: Integer/Long, Float/Double,
     * String, int[]/long[], float[]. A {@code null} input is an omitted optional input.
     */
    public Value op(String opType, List<Value> inputs, Map<String, Object> attributes) {
        return op(opType, inputs, attributes, 1).get(0);
    }

    public List<Value> op(String opType, List<Value> inputs, Map<String, Object> attributes, int outputs) {
        String prefix = opType.toLowerCase();
        List<String> names = java.util.stream.IntStream.range(0, outputs).mapToObj(i -> core.fresh(prefix)).toList();
        return core.node(opType, Arrays.asList(inputs.toArray(Value[]::new)), attributes, names);
    }

    private Value op(String opType, Value... inputs) {
        return op(opType, Arrays.asList(inputs), Map.of());
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    public Value add(Value a, Value b) { return op("Add", a, b); }
    public Value sub(Value a, Value b) { return op("Sub", a, b); }
    public Value mul(Value a, Value b) { return op("Mul", a, b); }
    public Value div(Value a, Value b) { return op("Div", a, b); }
    public Value pow(Value a, Value b) { return op("Pow", a, b); }
    public Value max(Value a, Value b) { return op("Max", a, b); }
    public Value min(Value a, Value b) { return op("Min", a, b); }
    public Value neg(Value x) { return op("Neg", x); }
    public Value abs(Value x) { return op("Abs", x); }
    public Value reciprocal(Value x) { return op("Reciprocal", x); }
    public Value floor(Value x) { return op("Floor", x); }
    public Value ceil(Value x) { return op("Ceil", x); }
    public Value sqrt(Value x) { return op("Sqrt", x); }
    public Value exp(Value x) { return op("Exp", x); }
    public Value log(Value x) { return op("Log", x); }
    public Value sin(Value x) { return op("Sin", x); }
    public Value cos(Value x) { return op("Cos", x); }
    public Value erf(Value x) { return op("Erf", x); }
    public Value tanh(Value x) { return op("Tanh", x); }
    public Value sigmoid(Value x) { return op("Sigmoid", x); }
    public Value relu(Value x) { return op("Relu", x); }
    public Value identity(Value x) { return op("Identity", x); }

    /** SiLU (swish), x·σ(x): the UNet's and the VAE's activation. */
    public Value silu(Value x) { return mul(x, sigmoid(x)); }

    /** GELU, exact (erf) or with the tanh approximation. */
    public Value gelu(Value x, boolean tanhApproximation) {
        return op("Gelu", List.of(x), Map.of("approximate", tanhApproximation ? "tanh" : "none"));
    }

    public Value clip(Value x, float min, float max) {
        return op("Clip", x, scalar(min), scalar(max));
    }

    public Value clip(Value x, Value min, Value max) { return op("Clip", x, min, max); }

    public Value where(Value condition, Value ifTrue, Value ifFalse) { return op("Where", condition, ifTrue, ifFalse); }

    // ---- linear algebra and convolution ----------------------------------------------------

    public Value matMul(Value a, Value b) { return op("MatMul", a, b); }

    /** {@code a · bᵀ + c} when {@code transB}, else {@code a · b + c}: a linear layer with a [out, in] weight. */
    public Value gemm(Value a, Value b, Value c, boolean transB) {
        return op("Gemm", List.of(a, b, c), Map.of("transB", transB ? 1 : 0));
    }

    /** {@code a · bᵀ} when {@code transB}, else {@code a · b}. */
    public Value gemm(Value a, Value b, boolean transB) {
        return op("Gemm", List.of(a, b), Map.of("transB", transB ? 1 : 0));
    }

    /** 2-D convolution with square stride and symmetric padding; {@code bias} may be null. */
    public Value conv(Value x, Value weight, Value bias, int stride, int padding) {
        return op("Conv", Arrays.asList(x, weight, bias), Map.of(
                "strides", new long[]{stride, stride},
                "pads", new long[]{padding, padding, padding, padding}));
    }

    /** A 1×1, stride-1 convolution. */
    public Value conv(Value x, Value weight, Value bias) {
        return conv(x, weight, bias, 1, 0);
    }

    /**
     * 2-D convolution with square stride and explicit padding in ONNX order
     * {@code [top, left, bottom, right]}, e.g. {@code [0, 0, 1, 1]} for the VAE's downsampling.
     */
    public Value conv(Value x, Value weight, Value bias, int stride, long[] pads) {
        if (pads.length != 4) throw new IllegalArgumentException("2-D padding is [top, left, bottom, right], got " + pads.length + " values");
        return op("Conv", Arrays.asList(x, weight, bias), Map.of(
                "strides", new long[]{stride, stride}, "pads", pads.clone()));
    }

    public Value averagePool(Value x, int kernel, int stride) {
        return op("AveragePool", List.of(x), Map.of(
                "kernel_shape", new long[]{kernel, kernel}, "strides", new long[]{stride, stride}));
    }

    // ---- normalisation and attention pieces -------------------------------------------------

    /** Softmax along {@code axis}. */
    public Value softmax(Value x, int axis) {
        return op("Softmax", List.of(x), Map.of("axis", axis));
    }

    /** GroupNormalization (opset 21: scale and bias have one value per channel). */
    public Value groupNorm(Value x, Value scale, Value bias, int groups, float epsilon) {
        return op("GroupNormalization", List.of(x, scale, bias), Map.of("num_groups", groups, "epsilon", epsilon));
    }

    /** InstanceNormalization: each (batch, channel) plane of {@code [N, C, ...]} to mean 0, variance 1, then {@code scale[C]}, {@code bias[C]}. */
    public Value instanceNorm(Value x, Value scale, Value bias, float epsilon) {
        return op("InstanceNormalization", List.of(x, scale, bias), Map.of("epsilon", epsilon));
    }

    /** LayerNormalization over the axes from {@code axis} on. */
    public Value layerNorm(Value x, Value scale, Value bias, int axis, float epsilon) {
        return op("LayerNormalization", List.of(x, scale, bias), Map.of("axis", axis, "epsilon", epsilon));
    }

    public Value reduceMean(Value x, boolean keepDims, long... axes) {
        return op("ReduceMean", List.of(x, ints(axes)), Map.of("keepdims", keepDims ? 1 : 0));
    }

    public Value reduceSum(Value x, boolean keepDims, long... axes) {
        return op("ReduceSum", List.of(x, ints(axes)), Map.of("keepdims", keepDims ? 1 : 0));
    }

    public Value reduceSumSquare(Value x, boolean keepDims, long... axes) {
        return op("ReduceSumSquare", List.of(x, ints(axes)), Map.of("keepdims", keepDims ? 1 : 0));
    }

    public Value reduceMax(Value x, boolean keepDims, long... axes) {
        return op("ReduceMax", List.of(x, ints(axes)), Map.of("keepdims", keepDims ? 1 : 0));
    }

    /** Index of the largest value along {@code axis} (the first one on ties). */
    public Value argMax(Value x, int axis, boolean keepDims) {
        return op("ArgMax", List.of(x), Map.of("axis", axis, "keepdims", keepDims ? 1 : 0));
    }

    /** Elementwise {@code a == b}, a boolean tensor. */
    public Value equal(Value a, Value b) { return op("Equal", a, b); }

    // ---- shapes and indexing ------------------------------------------------------------------

    public Value cast(Value x, ElementType to) {
        return op("Cast", List.of(x), Map.of("to", to.onnxCode()));
    }

    public Value gather(Value data, Value indices, int axis) {
        return op("Gather", List.of(data, indices), Map.of("axis", axis));
    }

    /** Reshape to fixed dims; 0 copies the input's dimension, −1 is inferred. */
    public Value reshape(Value x, long... shape) { return op("Reshape", x, ints(shape)); }

    public Value reshape(Value x, Value shape) { return op("Reshape", x, shape); }

    public Value transpose(Value x, int... perm) {
        return op("Transpose", List.of(x), Map.of("perm", perm));
    }

    public Value concat(int axis, Value... parts) {
        return op("Concat", Arrays.asList(parts), Map.of("axis", axis));
    }

    /** {@code x[starts:ends]} along {@code axes} (step 1). */
    public Value slice(Value x, long[] starts, long[] ends, long[] axes) {
        return op("Slice", x, ints(starts), ints(ends), ints(axes));
    }

    /** {@code x[starts:ends]} along {@code axes}, bounds computed in the graph (1-D int64 values); ONNX clamps them to the axis. */
    public Value slice(Value x, Value starts, Value ends, Value axes) {
        return op("Slice", x, starts, ends, axes);
    }

    /** Splits {@code x} along {@code axis} into {@code parts} equal pieces (the last one smaller when it does not divide). */
    public List<Value> split(Value x, int axis, int parts) {
        return op("Split", List.of(x), Map.of("axis", axis, "num_outputs", parts), parts);
    }

    /** Splits {@code x} along {@code axis} into {@code parts} pieces whose sizes (some may be 0) are computed in the graph. */
    public List<Value> split(Value x, int axis, Value sizes, int parts) {
        return op("Split", List.of(x, sizes), Map.of("axis", axis), parts);
    }

    /** Gathers slices of {@code data} by index tuples, the first {@code batchDims} axes shared by both. */
    public Value gatherNd(Value data, Value indices, int batchDims) {
        return op("GatherND", List.of(data, indices), Map.of("batch_dims", batchDims));
    }

    public Value unsqueeze(Value x, long... axes) { return op("Unsqueeze", x, ints(axes)); }

    public Value squeeze(Value x, long... axes) { return op("Squeeze", x, ints(axes)); }

    public Value expand(Value x, Value shape) { return op("Expand", x, shape); }

    public Value expand(Value x, long... shape) { return op("Expand", x, ints(shape)); }

    public Value shape(Value x) { return op("Shape", x); }

    public Value flatten(Value x, int axis) {
        return op("Flatten", List.of(x), Map.of("axis", axis));
    }

    /** Nearest-neighbour resize of an NCHW tensor by integer-valued factors (ComfyUI's upsample mode). */
    public Value resizeNearest(Value x, float scaleH, float scaleW) {
        return resize(x, new float[]{1, 1, scaleH, scaleW}, "nearest");
    }

    /**
     * Resize by per-axis scales; {@code mode} is {@code nearest}, {@code linear} or {@code cubic},
     * with ONNX's default {@code half_pixel} coordinates (torch's {@code align_corners=False}).
     */
    public Value resize(Value x, float[] scales, String mode) {
        return op("Resize", Arrays.asList(x, null, constant(scales, scales.length)), Map.of("mode", mode));
    }

    /** Resize to {@code sizes}, a 1-D int64 value with one size per axis (computed in the graph or {@link #ints}). */
    public Value resizeTo(Value x, Value sizes, String mode) {
        return op("Resize", Arrays.asList(x, null, null, sizes), Map.of("mode", mode));
    }

    /**
     * Nearest-neighbour resize of an NCHW tensor to {@code sizes} (1-D int64, one size per axis),
     * picking source pixel {@code floor(i · in / out)} as PyTorch's {@code interpolate(mode="nearest")}
     * does, also for sizes that are not a whole multiple of the input.
     */
    public Value resizeNearestTo(Value x, Value sizes) {
        return op("Resize", Arrays.asList(x, null, null, sizes), Map.of("mode", "nearest",
                "coordinate_transformation_mode", "asymmetric", "nearest_mode", "floor"));
    }

    /** Pads with ONNX's layout (all begins, then all ends); {@code mode} is constant (zeros), reflect, edge or wrap. */
    public Value pad(Value x, long[] pads, String mode) {
        return op("Pad", List.of(x, ints(pads)), Map.of("mode", mode));
    }

    private static long[] longs(int[] dims) {
        return Arrays.stream(dims).asLongStream().toArray();
    }
}
