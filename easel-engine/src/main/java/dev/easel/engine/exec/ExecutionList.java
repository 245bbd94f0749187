package dev.easel.engine.exec;

import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.InputSpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The nodes still to run and what blocks them (ComfyUI's topological dissolve). A staged node
 * may return to the list with new dependencies (lazy inputs, expansion). Only the run's own
 * thread touches it.
 */
final class ExecutionList {
    private final DynamicPrompt graph;
    private final NodeLookup nodes;
    private final Predicate<String> isCached;
    private final Map<String, Integer> blockCount = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<Integer>>> blocking = new HashMap<>();
    private int externalBlocks;
    private String staged;

    ExecutionList(DynamicPrompt graph, NodeLookup nodes, Predicate<String> isCached) {
        this.graph = graph;
        this.nodes = nodes;
        this.isCached = isCached;
    }

    boolean isEmpty() {
        return blockCount.isEmpty();
    }

    boolean hasExternalBlocks() {
        return externalBlocks > 0;
    }

    /** Adds a node and its non-lazy, not yet computed ancestors. */
    void addNode(String nodeId) {
        Deque<String> todo = new ArrayDeque<>();
        todo.push(nodeId);
        List<String[]> links = new ArrayList<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (blockCount.containsKey(id)) continue;
            blockCount.put(id, 0);
            blocking.put(id, new LinkedHashMap<>());
            if (isCached.test(id)) continue;
            PromptNode node = graph.require(id);
            for (Map.Entry<String, InputValue> input : node.inputs().entrySet()) {
                if (!(input.getValue() instanceof InputValue.Linked linked)) continue;
                boolean lazy = nodes.definition(id).schema().input(input.getKey()).map(InputSpec::isLazy).orElse(false);
                if (lazy) continue;
                String from = linked.link().nodeId();
                if (!isCached.test(from)) todo.push(from);
                links.add(new String[]{from, Integer.toString(linked.link().slot()), id});
            }
        }
        for (String[] link : links) addStrongLink(link[0], Integer.parseInt(link[1]), link[2]);
    }

    void addStrongLink(String from, int slot, String to) {
        if (isCached.test(from)) return;
        addNode(from);
        Map<String, Set<Integer>> blocked = blocking.get(from);
        if (!blocked.containsKey(to)) {
            blocked.put(to, new HashSet<>());
            blockCount.merge(to, 1, Integer::sum);
        }
        blocked.get(to).add(slot);
    }

    /** A node asked for a lazy input: schedule its source. */
    void makeInputStrongLink(String to, String input) {
        InputValue value = graph.require(to).inputs().get(input);
        if (value == null) {
            throw new IllegalStateException("Node " + to + " says it needs input " + input + ", but there is no input to that node at all");
        }
        if (!(value instanceof InputValue.Linked linked)) {
            throw new IllegalStateException("Node " + to + " says it needs input " + input + ", but that value is a constant");
        }
        addStrongLink(linked.link().nodeId(), linked.link().slot(), to);
    }

    /** Blocks a node on outside work (an async call); the returned action releases it. */
    Runnable addExternalBlock(String nodeId) {
        externalBlocks++;
        blockCount.merge(nodeId, 1, Integer::sum);
        return () -> {
            externalBlocks--;
            blockCount.merge(nodeId, -1, Integer::sum);
        };
    }

    List<String> readyNodes() {
        List<String> ready = new ArrayList<>();
        blockCount.forEach((id, count) -> {
            if (count == 0) ready.add(id);
        });
        return ready;
    }

    /** Picks the next node, or empty when only external blocks or a cycle remain. */
    Optional<String> stage() {
        List<String> ready = readyNodes();
        if (ready.isEmpty()) return Optional.empty();
        staged = pick(ready);
        return Optional.of(staged);
    }

    void unstage() {
        staged = null;
    }

    boolean isStagedNodeBlocked() {
        return staged != null && blockCount.getOrDefault(staged, 0) > 0;
    }

    void complete() {
        for (String blocked : blocking.remove(staged).keySet()) {
            blockCount.merge(blocked, -1, Integer::sum);
        }
        blockCount.remove(staged);
        staged = null;
    }

    /** Output and async nodes first, then nodes one or two hops from an output (ComfyUI's order). */
    private String pick(List<String> ready) {
        for (String id : ready) {
            if (nodes.isOutput(id) || nodes.isAsync(id)) return id;
        }
        for (String id : ready) {
            for (String blocked : blocking.get(id).keySet()) {
                if (nodes.isOutput(blocked)) return id;
            }
        }
        for (String id : ready) {
            for (String blocked : blocking.get(id).keySet()) {
                for (String next : blocking.getOrDefault(blocked, Map.of()).keySet()) {
                    if (nodes.isOutput(next)) return id;
                }
            }
        }
        return ready.get(0);
    }

    /** The pending nodes that are part of a cycle (everything not eventually unblocked). */
    List<String> nodesInCycle() {
        Map<String, Set<String>> blockedBy = new LinkedHashMap<>();
        blockCount.keySet().forEach(id -> blockedBy.put(id, new LinkedHashSet<>()));
        blocking.forEach((from, targets) -> targets.keySet().forEach(to -> {
            Set<String> set = blockedBy.get(to);
            if (set != null) set.add(from);
        }));
        boolean removed = true;
        while (removed) {
            List<String> free = blockedBy.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
            removed = !free.isEmpty();
            free.forEach(id -> {
                blockedBy.remove(id);
                blockedBy.values().forEach(set -> set.remove(id));
            });
        }
        return new ArrayList<>(blockedBy.keySet());
    }

    /** The node to blame for a cycle: the first cycle node shown as another node (its expander). */
    String blameForCycle() {
        List<String> cycle = nodesInCycle();
        String blamed = cycle.isEmpty() ? blockCount.keySet().iterator().next() : cycle.get(0);
        for (String id : cycle) {
            String display = graph.displayId(id);
            if (!display.equals(id)) return display;
        }
        return blamed;
    }
}
