package dev.easel.engine.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps JSON to the Java values nodes see, keeping integers and floats apart. */
public final class JsonValues {
    private JsonValues() {}

    /** Classifies one input: link, wrapped or plain constant, or a malformed array. */
    public static InputValue toInput(JsonNode node) {
        if (node.isArray()) {
            if (node.size() == 2 && node.get(0).isTextual() && isSlot(node.get(1))) {
                return InputValue.link(node.get(0).asText(), node.get(1).asInt());
            }
            @SuppressWarnings("unchecked")
            List<Object> raw = (List<Object>) toJava(node);
            return new InputValue.Malformed(raw);
        }
        if (node.isObject() && node.size() == 1 && node.has("__value__")) {
            return InputValue.constant(toJava(node.get("__value__")));
        }
        return InputValue.constant(toJava(node));
    }

    /** A whole number usable as an output index; anything else makes the array malformed. */
    private static boolean isSlot(JsonNode n) {
        if (!n.isNumber()) return false;
        double value = n.asDouble();
        return value == Math.rint(value) && value >= 0 && value <= Integer.MAX_VALUE
                && (n.isIntegralNumber() ? n.canConvertToInt() : true);
    }

    /** JSON to plain Java: Long or BigInteger, Double, String, Boolean, null, List, Map. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isIntegralNumber()) return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
        if (node.isNumber()) return node.asDouble();
        if (node.isTextual()) return node.asText();
        if (node.isBoolean()) return node.asBoolean();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toJava(item)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        return node.asText();
    }
}
