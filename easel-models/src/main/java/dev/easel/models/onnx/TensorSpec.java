package dev.easel.models.onnx;

import java.util.Arrays;
import java.util.Optional;

/**
 * A session input or output as the model declares it. {@code shape} holds −1 for a symbolic or
 * unknown dimension; {@code type} is empty for element types Easel does not convert.
 */
public record TensorSpec(String name, Optional<ElementType> type, long[] shape) {

    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** The declared size of {@code axis} (negative counts from the end), if it is a fixed number. */
    public Optional<Long> fixedDim(int axis) {
        int a = axis < 0 ? shape.length + axis : axis;
        return a >= 0 && a < shape.length && shape[a] >= 0 ? Optional.of(shape[a]) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && t.type.equals(type) && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ":" + type.map(Enum::name).orElse("?") + Arrays.toString(shape);
    }
}
