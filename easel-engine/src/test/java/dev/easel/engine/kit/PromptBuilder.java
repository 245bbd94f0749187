package dev.easel.engine.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.graph.Prompt;

/** Builds API-format prompts for tests: {@code p.node("1", "Const").set("value", 5)}. */
public final class PromptBuilder {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();

    public NodeBuilder node(String id, String classType) {
        ObjectNode node = root.putObject(id);
        node.put("class_type", classType);
        return new NodeBuilder(node.putObject("inputs"));
    }

    public Prompt build() {
        return Prompt.parse(root.deepCopy());
    }

    public ObjectNode json() {
        return root;
    }

    public static final class NodeBuilder {
        private final ObjectNode inputs;

        NodeBuilder(ObjectNode inputs) {
            this.inputs = inputs;
        }

        public NodeBuilder set(String name, Object value) {
            inputs.set(name, JSON.valueToTree(value));
            return this;
        }

        public NodeBuilder link(String name, String from, int slot) {
            ArrayNode link = inputs.putArray(name);
            link.add(from).add(slot);
            return this;
        }
    }
}
