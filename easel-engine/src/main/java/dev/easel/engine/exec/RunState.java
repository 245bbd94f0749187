package dev.easel.engine.exec;

import dev.easel.engine.cache.CacheEntry;
import dev.easel.engine.cache.OutputCache;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.node.NodeRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/** Everything one run knows; owned by the run's thread except where noted. */
final class RunState {
    final ExecutionRequest request;
    final DynamicPrompt graph;
    final NodeLookup nodes;
    final Emitter emitter;
    final ProgressTracker progress;
    final InterruptSignal interrupt;
    final OutputCache cache;
    final InputGatherer inputs;
    final Signatures signatures;
    final ExecutionList list;

    /** Outputs computed or read from the cache in this run, by node id. */
    final Map<String, CacheEntry> results = new HashMap<>();
    /** Async calls in flight (or finished, not yet collected), by node id; entries are futures or blockers. */
    final Map<String, List<Object>> pendingAsync = new HashMap<>();
    /** Results of expanded nodes waiting for their expansion to finish. */
    final Map<String, List<Returns.Part>> pendingExpansions = new HashMap<>();
    /** Work finished on other threads, applied by the run's thread (releases of external blocks). */
    final LinkedBlockingQueue<Runnable> completions = new LinkedBlockingQueue<>();
    final List<Future<?>> running = new ArrayList<>();
    final Set<String> executed = new LinkedHashSet<>();
    /** UI output and placement of each node that produced UI, for history. */
    final Map<String, Map<String, List<Object>>> uiOutputs = new LinkedHashMap<>();
    final Map<String, RunOutcome.NodeMeta> uiMeta = new LinkedHashMap<>();

    RunState(ExecutionRequest request, NodeRegistry registry, OutputCache cache, Emitter emitter, InterruptSignal interrupt) {
        this.request = request;
        this.graph = new DynamicPrompt(request.prompt());
        this.nodes = new NodeLookup(graph, registry);
        this.emitter = emitter;
        this.progress = new ProgressTracker(request.promptId(), graph, emitter);
        this.interrupt = interrupt;
        this.cache = cache;
        this.inputs = new InputGatherer(graph, nodes, request, this::outputsOf);
        this.signatures = new Signatures(graph, nodes, new Fingerprints(graph, nodes, inputs, request.files()),
                request.files());
        this.list = new ExecutionList(graph, nodes, id -> outputsOf(id).isPresent());
    }

    String promptId() {
        return request.promptId();
    }

    /** This run's result of a node, falling back to the cache (and remembering the hit). */
    Optional<CacheEntry> outputsOf(String nodeId) {
        CacheEntry known = results.get(nodeId);
        if (known != null) return Optional.of(known);
        if (!graph.has(nodeId)) return Optional.empty();
        Optional<CacheEntry> cached = cache.get(signatures.keyOf(nodeId));
        cached.ifPresent(entry -> results.put(nodeId, entry));
        return cached;
    }

    void recordUi(String nodeId, Map<String, List<Object>> ui) {
        uiOutputs.put(nodeId, ui);
        uiMeta.put(nodeId, new RunOutcome.NodeMeta(nodeId, graph.displayId(nodeId), graph.parentId(nodeId),
                graph.realNodeId(nodeId)));
    }
}
