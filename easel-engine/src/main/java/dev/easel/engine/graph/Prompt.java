package dev.easel.engine.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed API-format prompt. The client's JSON is kept as sent ({@link #json()}) so that it
 * round-trips unchanged through the queue, history and PNG metadata; {@link #nodes()} is the
 * typed view the engine works on, in the client's key order.
 */
public record Prompt(ObjectNode json, Map<String, PromptNode> nodes) {

    public Prompt {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public Optional<PromptNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /**
     * Parses an API-format prompt. A node entry that is not an object, or that has no string
     * {@code class_type}, is kept with an empty class type so that validation reports it in
     * ComfyUI's words.
     */
    public static Prompt parse(ObjectNode json) {
        Map<String, PromptNode> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            nodes.put(entry.getKey(), parseNode(entry.getKey(), entry.getValue()));
        }
        return new Prompt(json, nodes);
    }

    private static PromptNode parseNode(String id, JsonNode body) {
        if (body == null || !body.isObject()) {
            return new PromptNode(id, "", Map.of());
        }
        JsonNode classNode = body.get("class_type");
        String classType = classNode != null && classNode.isTextual() ? classNode.asText() : "";
        Map<String, InputValue> inputs = new LinkedHashMap<>();
        JsonNode inputsNode = body.get("inputs");
        if (inputsNode != null && inputsNode.isObject()) {
            for (Map.Entry<String, JsonNode> input : inputsNode.properties()) {
                inputs.put(input.getKey(), JsonValues.toInput(input.getValue()));
            }
        }
        Optional<String> title = Optional.ofNullable(body.path("_meta").get("title"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<Object> isChanged = Optional.ofNullable(body.get("is_changed"))
                .filter(n -> !n.isNull()).map(JsonValues::toJava);
        return new PromptNode(id, classType, inputs, title, Optional.empty(), isChanged);
    }
}
