package dev.easel.models.onnx.graph;

import ai.onnx.proto.OnnxMl.TensorShapeProto;

import java.util.List;

/**
 * A declared tensor shape whose dimensions are numbers or symbolic names:
 * {@code Shape.of("batch", 4, "height", "width")}.
 */
public record Shape(List<Object> dims) {

    public Shape {
        dims = List.copyOf(dims);
        for (Object d : dims) {
            boolean ok = d instanceof String s ? !s.isEmpty() : d instanceof Integer n && n >= 0;
            if (!ok) throw new IllegalArgumentException("a dimension is a non-negative int or a symbol name, not " + d);
        }
    }

    public static Shape of(Object... dims) {
        return new Shape(List.of(dims));
    }

    TensorShapeProto toProto() {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) dim.setDimParam(s);
            else dim.setDimValue((Integer) d);
            shape.addDim(dim);
        }
        return shape.build();
    }
}
