package dev.easel.engine.graph;

import java.util.List;

/**
 * One input of a prompt node as written by the client: a link to another node's output, or a
 * constant. Constants keep their JSON kind: {@code 5} is a {@link Long}, {@code 5.0} a
 * {@link Double}; strings, booleans, {@code null} (as {@link Constant#NULL}), lists and maps
 * follow Jackson's natural mapping.
 */
public sealed interface InputValue {

    record Linked(Link link) implements InputValue {}

    /** A constant; {@code value} is null only for JSON null. */
    record Constant(Object value) implements InputValue {
        public static final Constant NULL = new Constant(null);
    }

    /** A JSON array that is neither a link nor a wrapped list value; always a validation error. */
    record Malformed(List<Object> raw) implements InputValue {}

    static InputValue link(String nodeId, int slot) {
        return new Linked(new Link(nodeId, slot));
    }

    static InputValue constant(Object value) {
        return value == null ? Constant.NULL : new Constant(value);
    }
}
