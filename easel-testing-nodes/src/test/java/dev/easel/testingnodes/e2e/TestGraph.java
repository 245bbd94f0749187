package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds an API-format prompt the way ComfyUI's test GraphBuilder does, with ids "1", "2", ... */
final class TestGraph {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode prompt = JSON.createObjectNode();
    private int counter;

    /** An output reference: becomes {@code [id, slot]} when used as an input value. */
    record Out(String id, int slot) {}

    final class Node {
        final String id;
        private final ObjectNode inputs;

        private Node(String id, ObjectNode inputs) {
            this.id = id;
            this.inputs = inputs;
        }

        Out out(int slot) {
            return new Out(id, slot);
        }

        Node set(String name, Object value) {
            if (value instanceof Out out) {
                ArrayNode link = inputs.putArray(name);
                link.add(out.id()).add(out.slot());
            } else {
                inputs.set(name, JSON.valueToTree(value));
            }
            return this;
        }
    }

    Node node(String classType, Object... pairs) {
        String id;
        do {
            id = Integer.toString(++counter);
        } while (prompt.has(id));
        return nodeWithId(id, classType, pairs);
    }

    Node nodeWithId(String id, String classType, Object... pairs) {
        ObjectNode body = prompt.putObject(id);
        body.put("class_type", classType);
        Node node = new Node(id, body.putObject("inputs"));
        for (int i = 0; i < pairs.length; i += 2) node.set((String) pairs[i], pairs[i + 1]);
        return node;
    }

    /** A white or black 512² image, the stock input of ComfyUI's execution tests. */
    Node stubImage(String content) {
        return stubImage(content, 512, 512);
    }

    /** A one-image batch of StubImage. Tests pick sizes no other test uses, to stay clear of its cache. */
    Node stubImage(String content, int height, int width) {
        return node("StubImage", "content", content, "height", height, "width", width, "batch_size", 1);
    }

    /** A one-image batch of StubConstantImage: every element is {@code value}. */
    Node constantImage(Object value, int height, int width) {
        return node("StubConstantImage", "value", value, "height", height, "width", width, "batch_size", 1);
    }

    /** A one-mask batch of StubMask: every element is {@code value}. */
    Node stubMask(Object value, int height, int width) {
        return node("StubMask", "value", value, "height", height, "width", width, "batch_size", 1);
    }

    ObjectNode json() {
        return prompt;
    }
}
