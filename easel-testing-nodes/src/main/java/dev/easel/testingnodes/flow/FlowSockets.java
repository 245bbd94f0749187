package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.Link;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeSchema;

import java.util.Arrays;
import java.util.List;

/** The loop nodes carry five values ({@code initial_value0..4} in, {@code value0..4} out). */
final class FlowSockets {
    private FlowSockets() {}

    static final int COUNT = 5;
    static final String CATEGORY = "Testing/Flow";
    static final String FLOW_CONTROL = "FLOW_CONTROL";

    static String initial(int i) {
        return "initial_value" + i;
    }

    static String value(int i) {
        return "value" + i;
    }

    /** Declares optional {@code initial_value<from..4>} of type {@code *} with the given options. */
    static NodeSchema.Builder optionalInitials(NodeSchema.Builder schema, int from, Object... options) {
        for (int i = from; i < COUNT; i++) schema.optional(initial(i), "*", options);
        return schema;
    }

    /** Declares outputs {@code value<from..4>} of type {@code *}. */
    static NodeSchema.Builder anyOutputs(NodeSchema.Builder schema, int from) {
        for (int i = from; i < COUNT; i++) schema.output("*", value(i));
        return schema;
    }

    /** The given values of {@code initial_value<from..4>}, null where absent. */
    static List<Object> initials(Inputs inputs, int from) {
        Object[] values = new Object[COUNT - from];
        for (int i = from; i < COUNT; i++) values[i - from] = inputs.get(initial(i));
        return Arrays.asList(values);
    }

    /** A rawLink input arrives as the link itself; its node id is the loop's open node. */
    static Link rawLink(Object value, String input) {
        if (value instanceof Link link) return link;
        if (value instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String id
                && pair.get(1) instanceof Number slot) {
            return new Link(id, slot.intValue());
        }
        throw new IllegalArgumentException(input + " must be a raw link, got " + value);
    }
}
