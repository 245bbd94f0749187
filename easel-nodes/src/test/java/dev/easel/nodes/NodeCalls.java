package dev.easel.nodes;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** Calls a node with inputs given as name/value pairs (ints become longs, as the engine gives them). */
public final class NodeCalls {
    private NodeCalls() {}

    public static Inputs inputs(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            map.put((String) pairs[i], v instanceof Integer n ? Long.valueOf(n) : v);
        }
        return Inputs.of(map);
    }

    public static NodeResult run(NodeDefinition node, Object... pairs) throws Exception {
        return node.execute(new RecordingContext(), inputs(pairs));
    }

    /** Calls a node that reads or writes files, in {@code files}. */
    public static NodeResult runIn(FileSpace files, NodeDefinition node, Object... pairs) throws Exception {
        return node.execute(new RecordingContext(Map.of(), files), inputs(pairs));
    }
}
