package dev.easel.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.easel.tensor.Tensor;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/** Java values to the element type a model declares, and model outputs back to float32 tensors. */
final class TensorConversion {

    private TensorConversion() {
    }

    static OnnxTensor toOnnx(OrtEnvironment env, Feed feed, ElementType type) throws OrtException {
        long[] shape = Arrays.stream(feed.shape()).asLongStream().toArray();
        return switch (type) {
            case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap(floats(feed)), shape);
            case FLOAT16 -> {
                float[] f = floats(feed);
                short[] halves = new short[f.length];
                for (int i = 0; i < f.length; i++) halves[i] = Float.floatToFloat16(f[i]);
                yield OnnxTensor.createTensor(env, ShortBuffer.wrap(halves), shape, OnnxJavaType.FLOAT16);
            }
            case DOUBLE -> {
                float[] f = floats(feed);
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) d[i] = f[i];
                yield OnnxTensor.createTensor(env, DoubleBuffer.wrap(d), shape);
            }
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(longs(feed)), shape);
            case INT32 -> {
                long[] l = longs(feed);
                int[] i32 = new int[l.length];
                for (int i = 0; i < l.length; i++) i32[i] = Math.toIntExact(l[i]);
                yield OnnxTensor.createTensor(env, IntBuffer.wrap(i32), shape);
            }
            case BFLOAT16 -> throw new IllegalArgumentException("Easel does not feed bfloat16 inputs");
            case BOOL -> throw new IllegalArgumentException("Easel does not feed boolean inputs");
        };
    }

    /** Reads any numeric output as float32 (float16 is widened exactly; int64 beyond 2²⁴ loses precision). */
    static Tensor toTensor(OnnxTensor value) {
        long[] longShape = value.getInfo().getShape();
        int[] shape = Arrays.stream(longShape).mapToInt(Math::toIntExact).toArray();
        OnnxJavaType type = value.getInfo().type;
        float[] data = switch (type) {
            case FLOAT, FLOAT16, BFLOAT16 -> read(value.getFloatBuffer());
            case DOUBLE -> {
                DoubleBuffer b = value.getDoubleBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) f[i] = (float) b.get(i);
                yield f;
            }
            case INT64 -> {
                LongBuffer b = value.getLongBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) f[i] = b.get(i);
                yield f;
            }
            case INT32 -> {
                IntBuffer b = value.getIntBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) f[i] = b.get(i);
                yield f;
            }
            default -> throw new IllegalArgumentException("cannot read an output of element type " + type);
        };
        return Tensor.of(data, shape);
    }

    private static float[] read(FloatBuffer b) {
        float[] f = new float[b.remaining()];
        b.get(f);
        return f;
    }

    private static float[] floats(Feed feed) {
        return switch (feed) {
            case Feed.Floats f -> f.tensor().data();
            case Feed.Ints i -> {
                float[] out = new float[i.values().length];
                for (int k = 0; k < out.length; k++) out[k] = i.values()[k];
                yield out;
            }
        };
    }

    /** Floats given to an integer input are rounded: a timestep of 999.0000001 means 999. */
    private static long[] longs(Feed feed) {
        return switch (feed) {
            case Feed.Ints i -> i.values();
            case Feed.Floats f -> {
                float[] d = f.tensor().data();
                long[] out = new long[d.length];
                for (int k = 0; k < out.length; k++) out[k] = Math.round((double) d[k]);
                yield out;
            }
        };
    }
}
