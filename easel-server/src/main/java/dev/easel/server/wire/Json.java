package dev.easel.server.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** The one JSON mapper of the server; trees keep key order so client JSON round-trips unchanged. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>> MAP_TYPE =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * A float printed as Python's {@code json.dumps} prints it, {@code 1712345678.25} or
     * {@code 3.0}, where Jackson would write {@code 1.71234567825E9}. For finite values.
     */
    public static JsonNode pythonFloat(double value) {
        String plain = new java.math.BigDecimal(Double.toString(value)).toPlainString();
        return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                new java.math.BigDecimal(plain.contains(".") ? plain : plain + ".0"));
    }

    /**
     * Any value as JSON. Values Jackson cannot map (a node's odd UI object) become their text
     * instead of failing the message or the history entry that carries them.
     */
    public static JsonNode tree(Object value) {
        if (value instanceof JsonNode node) return node;
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException unmappable) {
            if (value instanceof java.util.Map<?, ?> map) {
                ObjectNode object = object();
                map.forEach((k, v) -> object.set(String.valueOf(k), tree(v)));
                return object;
            }
            if (value instanceof Iterable<?> items) {
                ArrayNode array = array();
                items.forEach(v -> array.add(tree(v)));
                return array;
            }
            return MAPPER.getNodeFactory().textNode(String.valueOf(value));
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses text as JSON; throws {@link JsonProcessingException} on malformed input. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "empty body");
        }
        return node;
    }
}
