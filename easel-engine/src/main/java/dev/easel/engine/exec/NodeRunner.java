package dev.easel.engine.exec;

import dev.easel.engine.cache.CacheEntry;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One attempt at a staged node (ComfyUI's {@code execute}): serve it from the cache, collect
 * its finished async calls or expansion, or gather inputs, resolve lazy inputs and call it.
 */
final class NodeRunner {
    private final RunState run;
    private final NodeCalls calls;

    NodeRunner(RunState run) {
        this.run = run;
        this.calls = new NodeCalls(run);
    }

    Step run(String nodeId) {
        String display = run.graph.displayId(nodeId);
        Optional<CacheEntry> cached = run.pendingAsync.containsKey(nodeId) || run.pendingExpansions.containsKey(nodeId)
                ? Optional.empty() : run.outputsOf(nodeId);
        if (cached.isPresent()) {
            cached.get().ui().ifPresent(ui -> run.recordUi(nodeId, ui));
            run.emitter.emit(new ExecutionEvent.Executed(run.promptId(), nodeId, display, cached.get().ui()));
            run.progress.finish(nodeId);
            return Step.SUCCESS;
        }
        NodeDefinition definition = run.nodes.definition(nodeId);
        NodeSchema schema = definition.schema();
        Map<String, List<Object>> inputs = null;
        try {
            Returns returns;
            if (run.pendingAsync.containsKey(nodeId)) {
                returns = Returns.of(collectAsync(nodeId), schema);
            } else if (run.pendingExpansions.containsKey(nodeId)) {
                List<List<Object>> resolved = resolveExpansion(run.pendingExpansions.remove(nodeId));
                returns = new Returns(resolved.isEmpty() ? List.of() : Returns.merge(resolved, schema), Map.of(), List.of(), false);
            } else {
                run.progress.start(nodeId);
                InputGatherer.Gathered gathered = run.inputs.gather(nodeId);
                inputs = gathered.values();
                run.emitter.emit(new ExecutionEvent.Executing(run.promptId(), nodeId, display));
                List<String> needed = calls.lazyInputsNeeded(nodeId, definition, gathered);
                if (!needed.isEmpty()) {
                    needed.forEach(input -> run.list.makeInputStrongLink(nodeId, input));
                    return Step.PENDING;
                }
                NodeCalls.Launch launch = calls.invoke(nodeId, definition, inputs);
                if (launch.async()) {
                    awaitAsync(nodeId, launch.returns());
                    return Step.PENDING;
                }
                returns = Returns.of(launch.returns(), schema);
            }
            if (!returns.ui().isEmpty()) {
                run.recordUi(nodeId, returns.ui());
                run.emitter.emit(new ExecutionEvent.Executed(run.promptId(), nodeId, display, Optional.of(returns.ui())));
            }
            if (returns.expands()) {
                expand(nodeId, returns.parts());
                return Step.PENDING;
            }
            CacheEntry entry = new CacheEntry(returns.outputs(),
                    returns.ui().isEmpty() ? Optional.ofNullable(run.uiOutputs.get(nodeId)) : Optional.of(returns.ui()));
            run.results.put(nodeId, entry);
            if (run.graph.isEphemeral(nodeId)) {
                run.cache.put(run.signatures.keyOf(nodeId), entry, run.graph.realNodeId(nodeId));
            } else {
                run.cache.put(run.signatures.keyOf(nodeId), entry);
            }
        } catch (Throwable error) {
            return Problems.failure(run.graph.realNodeId(nodeId), error, withoutSecrets(inputs, schema));
        }
        run.progress.finish(nodeId);
        run.executed.add(nodeId);
        return Step.SUCCESS;
    }

    /** API keys reach nodes as hidden inputs but never error messages, history or sockets. */
    private static Map<String, List<Object>> withoutSecrets(Map<String, List<Object>> inputs, NodeSchema schema) {
        if (inputs == null) return null;
        Map<String, List<Object>> shown = new java.util.LinkedHashMap<>(inputs);
        schema.inputs().forEach(spec -> spec.hiddenMarker()
                .filter(m -> m == HiddenInput.AUTH_TOKEN_COMFY_ORG || m == HiddenInput.API_KEY_COMFY_ORG)
                .ifPresent(m -> shown.remove(spec.name())));
        return shown;
    }

    private void awaitAsync(String nodeId, List<Object> launched) {
        run.pendingAsync.put(nodeId, launched);
        Runnable unblock = run.list.addExternalBlock(nodeId);
        List<Future<?>> futures = new ArrayList<>();
        launched.forEach(r -> {
            if (r instanceof Future<?> f) futures.add(f);
        });
        Thread.ofVirtual().name("await-" + nodeId).start(() -> {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception ignored) {
                    // collected (and reported) when the node is picked again
                }
            }
            run.completions.add(unblock);
        });
    }

    private List<Object> collectAsync(String nodeId) throws Exception {
        List<Object> launched = run.pendingAsync.remove(nodeId);
        List<Object> results = new ArrayList<>(launched.size());
        for (Object r : launched) {
            results.add(r instanceof Future<?> f ? f.get() : r);
        }
        return results;
    }

    /** Adds the returned graphs to the run; the node completes once what it links to is done. */
    private void expand(String nodeId, List<Returns.Part> parts) {
        List<String> newOutputs = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (Returns.Part part : parts) {
            if (part.expansion().isEmpty()) continue;
            for (PromptNode node : part.expansion().get().nodes()) {
                run.graph.addEphemeral(node, nodeId, node.overrideDisplayId().orElse(nodeId));
                if (run.nodes.isOutput(node.id())) newOutputs.add(node.id());
            }
            part.outputs().forEach(o -> {
                if (o instanceof Link link) links.add(link);
            });
        }
        newOutputs.forEach(run.list::addNode);
        links.forEach(link -> run.list.addStrongLink(link.nodeId(), link.slot(), nodeId));
        run.pendingExpansions.put(nodeId, parts);
    }

    /** Replaces links in expansion results by the values of the nodes they point to. */
    private List<List<Object>> resolveExpansion(List<Returns.Part> parts) {
        List<List<Object>> resolved = new ArrayList<>();
        for (Returns.Part part : parts) {
            if (part.expansion().isEmpty()) {
                resolved.add(part.outputs());
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Object o : part.outputs()) {
                if (o instanceof Link link) {
                    CacheEntry source = run.outputsOf(link.nodeId()).orElseThrow(() ->
                            new IllegalStateException("expansion result " + link + " was never computed"));
                    values.addAll(source.outputs().get(link.slot()));
                } else {
                    values.add(o instanceof ExecutionBlocker b ? b : o);
                }
            }
            resolved.add(values);
        }
        return resolved;
    }
}
