package dev.easel.tensor;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense float32 tensor in row-major order. Images are {@code [B,H,W,C]} with values 0..1,
 * masks {@code [B,H,W]}. All arithmetic is done in float32, as torch and numpy do: results
 * that decide pixel values (a mean of 2/3 saving as 170) depend on it. Tensors are treated as
 * immutable once shared; operations return new tensors.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    private Tensor(float[] data, int[] shape) {
        if (data.length != count(shape)) {
            throw new IllegalArgumentException("data of length " + data.length + " does not fit shape " + Arrays.toString(shape));
        }
        this.shape = shape.clone();
        this.data = data;
    }

    /** Wraps {@code data} (not copied). */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[count(shape)], shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] data = new float[count(shape)];
        Arrays.fill(data, value);
        return new Tensor(data, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int size() {
        return data.length;
    }

    /** The backing array; callers must not modify a tensor they did not just create. */
    public float[] data() {
        return data;
    }

    public float get(int... index) {
        return data[offset(index)];
    }

    public float item() {
        if (data.length != 1) throw new IllegalStateException("item() of a tensor with " + data.length + " elements");
        return data[0];
    }

    public Tensor reshape(int... newShape) {
        return new Tensor(data, newShape);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    public Tensor map(DoubleUnaryOperator op) {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) op.applyAsDouble(data[i]);
        return new Tensor(out, shape);
    }

    public Tensor mul(float scalar) {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = data[i] * scalar;
        return new Tensor(out, shape);
    }

    public Tensor add(Tensor other) { return Broadcast.apply(this, other, Float::sum); }
    public Tensor sub(Tensor other) { return Broadcast.apply(this, other, (a, b) -> a - b); }
    public Tensor mul(Tensor other) { return Broadcast.apply(this, other, (a, b) -> a * b); }
    public Tensor div(Tensor other) { return Broadcast.apply(this, other, (a, b) -> a / b); }

    /** Mean of all elements, accumulated in double and rounded to float32 (as torch.mean reports). */
    public float mean() {
        double sum = 0;
        for (float v : data) sum += v;
        return (float) (sum / data.length);
    }

    public boolean allEqual(float value) {
        for (float v : data) if (v != value) return false;
        return true;
    }

    /** Slices {@code [from, to)} along axis 0 (a batch range). */
    public Tensor slice0(int from, int to) {
        int stride = data.length / shape[0];
        int[] newShape = shape.clone();
        newShape[0] = to - from;
        return new Tensor(Arrays.copyOfRange(data, from * stride, to * stride), newShape);
    }

    /** Concatenates along axis 0; every other dimension must match. */
    public static Tensor cat0(Tensor... parts) {
        int[] newShape = parts[0].shape.clone();
        int total = 0;
        for (Tensor p : parts) {
            if (!Arrays.equals(Arrays.copyOfRange(p.shape, 1, p.shape.length), Arrays.copyOfRange(newShape, 1, newShape.length))) {
                throw new IllegalArgumentException("cannot concatenate " + Arrays.toString(p.shape) + " with " + Arrays.toString(newShape));
            }
            total += p.shape[0];
        }
        newShape[0] = total;
        float[] out = new float[count(newShape)];
        int pos = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.data, 0, out, pos, p.data.length);
            pos += p.data.length;
        }
        return new Tensor(out, newShape);
    }

    static int count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        return (int) n;
    }

    private int offset(int[] index) {
        int off = 0;
        for (int i = 0; i < shape.length; i++) off = off * shape[i] + index[i];
        return off;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
