package dev.easel.engine.exec;

import dev.easel.engine.cache.CacheKey;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.graph.PromptNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The executor loop for one prompt: stage → run → success, pending or failure → complete or
 * unstage. Success is reported only if the loop was never broken; every run ends with exactly
 * one terminal event.
 */
final class Run {
    private final RunState state;
    private final NodeRunner runner;

    Run(RunState state) {
        this.state = state;
        this.runner = new NodeRunner(state);
    }

    RunOutcome.Status execute() {
        String promptId = state.promptId();
        state.emitter.emit(new ExecutionEvent.ExecutionStart(promptId, now()));
        List<String> currentOutputs = List.of();
        try {
            List<String> cachedNodes = prepareCache();
            state.emitter.emit(new ExecutionEvent.ExecutionCached(promptId, cachedNodes, now()));
            currentOutputs = List.copyOf(cachedNodes);
            state.request.outputs().forEach(state.list::addNode);
            while (!state.list.isEmpty()) {
                Optional<String> staged = stageNext();
                if (staged.isEmpty()) {
                    return fail(Problems.cycle(state.list.blameForCycle()), currentOutputs);
                }
                Step step = runner.run(staged.get());
                switch (step) {
                    case Step.Failure failure -> {
                        return fail(failure, currentOutputs);
                    }
                    case Step.Pending pending -> state.list.unstage();
                    case Step.Success success -> state.list.complete();
                }
            }
            replayIntermediateOutputs();
            state.emitter.emit(new ExecutionEvent.ExecutionSuccess(promptId, now()));
            return RunOutcome.Status.SUCCESS;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return fail(new Step.Failure(state.request.outputs().get(0), Optional.empty()), currentOutputs);
        } catch (RuntimeException | Error unexpected) {
            String blamed = state.request.outputs().isEmpty() ? "" : state.request.outputs().get(0);
            return fail(Problems.failure(blamed, unexpected, null), currentOutputs);
        } finally {
            state.running.forEach(f -> f.cancel(true));
        }
    }

    /** Computes every node's key, lets the cache drop what this prompt does not use, lists the hits. */
    private List<String> prepareCache() {
        Set<CacheKey> keys = new HashSet<>();
        for (String id : state.request.prompt().nodes().keySet()) keys.add(state.signatures.keyOf(id));
        state.cache.beginPrompt(keys, state.request.prompt().nodes().keySet());
        List<String> hits = new ArrayList<>();
        for (String id : state.request.prompt().nodes().keySet()) {
            if (state.outputsOf(id).isPresent()) hits.add(id);
        }
        return hits;
    }

    /** Nodes with intermediate output that did not run this time still show their cached UI. */
    private void replayIntermediateOutputs() {
        for (String id : state.graph.allNodeIds()) {
            if (state.executed.contains(id) || !state.nodes.definition(id).schema().hasIntermediateOutput()) continue;
            state.outputsOf(id).flatMap(entry -> entry.ui()).ifPresent(ui -> {
                state.recordUi(id, ui);
                state.emitter.emit(new ExecutionEvent.Executed(state.promptId(), id, state.graph.displayId(id), Optional.of(ui)));
            });
        }
    }

    /** The next ready node; waits for async calls when only they can unblock one. */
    private Optional<String> stageNext() throws InterruptedException {
        drainCompletions();
        Optional<String> staged = state.list.stage();
        while (staged.isEmpty() && state.list.hasExternalBlocks()) {
            Runnable done = state.completions.poll(50, TimeUnit.MILLISECONDS);
            if (done != null) done.run();
            if (state.interrupt.isRaised()) state.running.forEach(f -> f.cancel(true));
            drainCompletions();
            staged = state.list.stage();
        }
        return staged;
    }

    private void drainCompletions() {
        Runnable done;
        while ((done = state.completions.poll()) != null) done.run();
    }

    private RunOutcome.Status fail(Step.Failure failure, List<String> currentOutputs) {
        state.running.forEach((Future<?> f) -> f.cancel(true));
        String nodeId = failure.nodeId();
        String nodeType = state.request.prompt().node(nodeId).map(PromptNode::classType)
                .orElseGet(() -> state.graph.node(nodeId).map(PromptNode::classType).orElse(""));
        List<String> executed = List.copyOf(state.executed);
        if (failure.interrupted()) {
            state.emitter.emit(new ExecutionEvent.ExecutionInterrupted(state.promptId(), nodeId, nodeType, executed, now()));
            return RunOutcome.Status.INTERRUPTED;
        }
        Step.Problem problem = failure.problem().orElseThrow();
        state.emitter.emit(new ExecutionEvent.ExecutionError(state.promptId(), nodeId, nodeType, executed,
                problem.message(), problem.type(), problem.traceback(), problem.currentInputs(), currentOutputs,
                OptionalLong.of(now())));
        return RunOutcome.Status.FAILED;
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
