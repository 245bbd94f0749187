package dev.easel.testingnodes;

import dev.easel.engine.graph.Expansion;
import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.Inputs;

import java.util.LinkedHashMap;
import java.util.Map;

/** Short ways to write node inputs and to read expansions in tests. */
public final class Values {
    private Values() {}

    /** Inputs from name/value pairs; values may be null (Python's None). */
    public static Inputs inputs(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return Inputs.of(map);
    }

    public static PromptNode node(Expansion expansion, String id) {
        return expansion.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + expansion.nodes()));
    }

    /** An input of an expanded node: a {@link dev.easel.engine.graph.Link} or the constant's value. */
    public static Object input(Expansion expansion, String id, String name) {
        InputValue value = node(expansion, id).inputs().get(name);
        return switch (value) {
            case null -> throw new AssertionError(id + " has no input " + name);
            case InputValue.Linked l -> l.link();
            case InputValue.Constant c -> c.value();
            case InputValue.Malformed m -> m.raw();
        };
    }
}
