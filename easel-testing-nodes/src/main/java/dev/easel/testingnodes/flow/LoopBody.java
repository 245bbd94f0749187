package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.InputValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * The nodes of one loop round: everything that lies on a path from the open node to the close
 * node in the live prompt, both ends included, in the order ComfyUI's loop nodes find them.
 */
final class LoopBody {
    private LoopBody() {}

    static SequencedSet<String> between(DynamicPrompt prompt, String openId, String closeId) {
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        exploreUpstream(prompt, closeId, consumers);
        SequencedSet<String> contained = new LinkedHashSet<>();
        collectDownstream(openId, consumers, contained);
        contained.add(closeId);
        contained.add(openId);
        return contained;
    }

    /** Maps every ancestor of {@code nodeId} to the nodes that consume it. */
    private static void exploreUpstream(DynamicPrompt prompt, String nodeId, Map<String, List<String>> consumers) {
        for (InputValue input : prompt.require(nodeId).inputs().values()) {
            if (input instanceof InputValue.Linked linked) {
                String parent = linked.link().nodeId();
                if (!consumers.containsKey(parent)) {
                    consumers.put(parent, new ArrayList<>());
                    exploreUpstream(prompt, parent, consumers);
                }
                consumers.get(parent).add(nodeId);
            }
        }
    }

    private static void collectDownstream(String nodeId, Map<String, List<String>> consumers, SequencedSet<String> out) {
        for (String child : consumers.getOrDefault(nodeId, List.of())) {
            if (out.add(child)) collectDownstream(child, consumers, out);
        }
    }
}
