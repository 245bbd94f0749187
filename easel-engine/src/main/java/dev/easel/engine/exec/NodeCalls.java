package dev.easel.engine.exec;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * Calls a node over its input lists (once per index, or once with whole lists), with
 * ComfyUI's blocker rule: a call that receives an {@link ExecutionBlocker} does not run and
 * returns the blocker. Async nodes' calls start on virtual threads and are collected later.
 */
final class NodeCalls {
    private final RunState run;

    NodeCalls(RunState run) {
        this.run = run;
    }

    /** @param returns per call: a NodeResult, an ExecutionBlocker, or (async) a Future of a NodeResult */
    record Launch(List<Object> returns, boolean async) {}

    List<String> lazyInputsNeeded(String nodeId, NodeDefinition definition, InputGatherer.Gathered gathered) throws Exception {
        Set<String> needed = new LinkedHashSet<>();
        List<Map<String, Object>> slices = definition.schema().inputIsList()
                ? List.of(ListMapping.whole(gathered.values())) : ListMapping.slices(gathered.values());
        for (int i = 0; i < slices.size(); i++) {
            checkInterrupt();
            // a blocked call never runs, so it needs nothing (ComfyUI skips it the same way)
            if (findBlocker(slices.get(i), definition.schema().inputIsList()).isPresent()) continue;
            needed.addAll(definition.checkLazyStatus(context(nodeId, i), new Inputs(slices.get(i))));
        }
        needed.removeIf(name -> gathered.values().containsKey(name) && !gathered.missing().contains(name));
        return new ArrayList<>(needed);
    }

    Launch invoke(String nodeId, NodeDefinition definition, Map<String, List<Object>> inputs) throws Exception {
        boolean async = definition.schema().async();
        boolean wholeLists = definition.schema().inputIsList();
        List<Map<String, Object>> slices = wholeLists ? List.of(ListMapping.whole(inputs)) : ListMapping.slices(inputs);
        List<Object> returns = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            checkInterrupt();
            Map<String, Object> call = slices.get(i);
            Optional<ExecutionBlocker> blocker = findBlocker(call, wholeLists);
            if (blocker.isPresent()) {
                returns.add(announce(nodeId, blocker.get()));
                continue;
            }
            RunContext ctx = context(nodeId, i);
            Inputs args = new Inputs(call);
            if (async) {
                FutureTask<Object> task = new FutureTask<>((Callable<Object>) () -> definition.execute(ctx, args));
                Thread.ofVirtual().name("node-" + nodeId + "-" + i).start(task);
                run.running.add(task);   // cancelled with the run, even if a later call fails to start
                returns.add(task);
            } else {
                returns.add(definition.execute(ctx, args));
            }
        }
        return new Launch(returns, async && returns.stream().anyMatch(r -> r instanceof FutureTask<?>));
    }

    private void checkInterrupt() {
        if (run.interrupt.isRaised()) throw new ExecutionInterruptedException();
    }

    private RunContext context(String nodeId, int callIndex) {
        return new RunContext(run.promptId(), nodeId, callIndex, run.graph, run.progress, run.emitter, run.interrupt,
                run.request.extraData(), run.request.files());
    }

    private static Optional<ExecutionBlocker> findBlocker(Map<String, Object> call, boolean wholeLists) {
        for (Object value : call.values()) {
            if (value instanceof ExecutionBlocker b) return Optional.of(b);
            if (wholeLists && value instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof ExecutionBlocker b) return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /** A blocker with a message is reported once (ComfyUI's ExecutionBlocked error), then travels silently. */
    private ExecutionBlocker announce(String nodeId, ExecutionBlocker blocker) {
        if (blocker.message().isEmpty()) return blocker;
        run.emitter.emit(new ExecutionEvent.ExecutionError(run.promptId(), nodeId, run.graph.require(nodeId).classType(),
                List.copyOf(run.executed), "Execution Blocked: " + blocker.message().get(), "ExecutionBlocked",
                List.of(), Optional.empty(), List.of(), OptionalLong.empty()));
        return ExecutionBlocker.SILENT;
    }
}
