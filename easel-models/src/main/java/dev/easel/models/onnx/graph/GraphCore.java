package dev.easel.models.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.easel.models.onnx.ElementType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The protobuf side of {@link OnnxGraph}: names, nodes, declarations and the final model. */
final class GraphCore {
    static final int OPSET = 21;
    static final long IR_VERSION = 10;

    private final GraphProto.Builder graph;
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    GraphCore(String graphName) {
        graph = GraphProto.newBuilder().setName(graphName);
    }

    /** A value name not used yet: {@code prefix_1}, {@code prefix_2}, ... */
    String fresh(String prefix) {
        int n = counters.merge(prefix, 1, Integer::sum);
        String name = prefix + "_" + n;
        while (names.contains(name)) name = prefix + "_" + counters.merge(prefix, 1, Integer::sum);
        names.add(name);
        return name;
    }

    void claim(String name) {
        if (!names.add(name)) throw new IllegalArgumentException("the graph already has a value named " + name);
    }

    void input(String name, ElementType type, Shape shape) {
        claim(name);
        graph.addInput(valueInfo(name, type, shape));
    }

    void output(String name, ElementType type, Shape shape) {
        graph.addOutput(valueInfo(name, type, shape));
    }

    /** Adds an initializer whose name was claimed or made fresh. */
    void initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
    }

    List<Value> node(String opType, List<Value> inputs, Map<String, Object> attributes, List<String> outputNames) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(fresh("node_" + opType));
        for (Value v : inputs) node.addInput(v == null ? "" : v.name());
        List<Value> outputs = new ArrayList<>();
        for (String out : outputNames) {
            node.addOutput(out);
            outputs.add(new Value(out));
        }
        attributes.forEach((key, value) -> node.addAttribute(attribute(key, value)));
        graph.addNode(node);
        return outputs;
    }

    byte[] build(Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("easel")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build().toByteArray();
    }

    private static ValueInfoProto valueInfo(String name, ElementType type, Shape shape) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type.onnxCode());
        if (shape != null) tensor.setShape(shape.toProto());
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case Double d -> a.setType(AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
            case String s -> a.setType(AttributeProto.AttributeType.STRING)
                    .setS(com.google.protobuf.ByteString.copyFromUtf8(s));
            case int[] ints -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (int i : ints) a.addInts(i);
            }
            case long[] longs -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long l : longs) a.addInts(l);
            }
            case float[] floats -> {
                a.setType(AttributeProto.AttributeType.FLOATS);
                for (float f : floats) a.addFloats(f);
            }
            case TensorProto t -> a.setType(AttributeProto.AttributeType.TENSOR).setT(t);
            default -> throw new IllegalArgumentException("attribute " + name + " has unsupported type " + value.getClass());
        }
        return a.build();
    }
}
