package dev.easel.models.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnxruntime.OnnxJavaType;

import java.util.Optional;

/** The tensor element types Easel builds graphs with and feeds to sessions. */
public enum ElementType {
    FLOAT(DataType.FLOAT, OnnxJavaType.FLOAT),
    FLOAT16(DataType.FLOAT16, OnnxJavaType.FLOAT16),
    BFLOAT16(DataType.BFLOAT16, OnnxJavaType.BFLOAT16),
    DOUBLE(DataType.DOUBLE, OnnxJavaType.DOUBLE),
    INT64(DataType.INT64, OnnxJavaType.INT64),
    INT32(DataType.INT32, OnnxJavaType.INT32),
    BOOL(DataType.BOOL, OnnxJavaType.BOOL);

    private final DataType onnx;
    private final OnnxJavaType runtime;

    ElementType(DataType onnx, OnnxJavaType runtime) {
        this.onnx = onnx;
        this.runtime = runtime;
    }

    /** The ONNX {@code TensorProto.DataType} code. */
    public int onnxCode() {
        return onnx.getNumber();
    }

    public static Optional<ElementType> of(OnnxJavaType runtimeType) {
        for (ElementType t : values()) if (t.runtime == runtimeType) return Optional.of(t);
        return Optional.empty();
    }
}
