package dev.easel.models.onnx.graph;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.easel.models.onnx.ElementType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds the {@code TensorProto}s of initializers: inline data, or placeholders whose data is bound at session creation. */
final class Initializers {
    /** ONNX Runtime never reads this location when the data is bound with {@code addExternalInitializers}. */
    static final String PLACEHOLDER_LOCATION = "bound-at-session-creation";

    private Initializers() {
    }

    static TensorProto floats(String name, float[] data, long[] dims) {
        checkCount(name, data.length, dims);
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) raw.putFloat(f);
        return header(name, ElementType.FLOAT, dims).setRawData(ByteString.copyFrom(raw.array())).build();
    }

    static TensorProto longs(String name, long[] data, long[] dims) {
        checkCount(name, data.length, dims);
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : data) raw.putLong(l);
        return header(name, ElementType.INT64, dims).setRawData(ByteString.copyFrom(raw.array())).build();
    }

    /**
     * A declaration with {@code data_location = EXTERNAL} and no data: the form that
     * {@code SessionOptions.addExternalInitializers} binds (it refuses plain inline initializers and graph inputs).
     */
    static TensorProto external(String name, ElementType type, long[] dims) {
        return header(name, type, dims)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(PLACEHOLDER_LOCATION))
                .build();
    }

    private static TensorProto.Builder header(String name, ElementType type, long[] dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.onnxCode());
        for (long d : dims) t.addDims(d);
        return t;
    }

    private static void checkCount(String name, int length, long[] dims) {
        long n = 1;
        for (long d : dims) n *= d;
        if (n != length) {
            throw new IllegalArgumentException("initializer " + name + ": " + length + " values do not fill its shape of " + n);
        }
    }
}
