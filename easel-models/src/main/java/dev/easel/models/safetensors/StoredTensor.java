package dev.easel.models.safetensors;

import java.util.Arrays;

/**
 * One tensor of a {@code .safetensors} file as its header describes it: little-endian,
 * row-major, {@code byteLength} bytes from {@code fileOffset} (absolute, header included), which
 * is what an ONNX external-data reference into the file needs.
 */
public record StoredTensor(String name, DType dtype, long[] shape, long fileOffset, long byteLength) {

    public StoredTensor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public long elementCount() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** Whether its bytes start on a multiple of the element size (else wrapping them needs a copy). */
    public boolean aligned() {
        return fileOffset % dtype.size() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredTensor t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && fileOffset == t.fileOffset && byteLength == t.byteLength;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
