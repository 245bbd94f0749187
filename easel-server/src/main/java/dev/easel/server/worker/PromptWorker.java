package dev.easel.server.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.RunOutcome;
import dev.easel.engine.graph.Prompt;
import dev.easel.server.eta.NodeTimes;
import dev.easel.server.eta.RemainingTime;
import dev.easel.server.store.HistoryEntry;
import dev.easel.server.store.JobStore;
import dev.easel.server.store.QueueItem;
import dev.easel.server.wire.Json;
import dev.easel.server.ws.EventRouter;
import dev.easel.server.ws.SocketHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single thread that runs prompts one at a time: take → run → history → {@code status} →
 * {@code executing {node: null}} → pending {@code /free} requests.
 */
public final class PromptWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PromptWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(250);

    private final JobStore store;
    private final SocketHub hub;
    private final PromptRunner runner;
    private final Map<String, InterruptSignal> signals = new ConcurrentHashMap<>();
    /** What nodes took in this server's runs, for the time estimates. */
    private final NodeTimes nodeTimes = new NodeTimes();
    private final AtomicBoolean unloadModels = new AtomicBoolean();
    private final AtomicBoolean freeMemory = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stopping;

    public PromptWorker(JobStore store, SocketHub hub, PromptRunner runner) {
        this.store = store;
        this.hub = hub;
        this.runner = runner;
        this.thread = Thread.ofPlatform().name("prompt-worker").daemon().unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** {@code /interrupt} without an id: whatever runs now. */
    public void interruptRunning() {
        store.running().ifPresent(item -> raise(item.promptId()));
    }

    /** Interrupts the job only if it is the one running; returns whether it was. */
    public boolean interruptIfRunning(String promptId) {
        if (store.running().filter(item -> item.promptId().equals(promptId)).isEmpty()) return false;
        return raise(promptId);
    }

    /** {@code POST /free}: applied after the current prompt, or at once when idle. */
    public void requestFree(boolean unload, boolean free) {
        if (unload) unloadModels.set(true);
        if (free) freeMemory.set(true);
    }

    /** Raises the signal of a run in progress; never creates one, so none outlives its run. */
    private boolean raise(String promptId) {
        return signals.computeIfPresent(promptId, (id, signal) -> {
            signal.raise();
            return signal;
        }) != null;
    }

    private void loop() {
        while (!stopping) {
            try {
                Optional<QueueItem> next = store.takeNext(IDLE_POLL);
                // Requests made while idle or during the previous run apply before anything new runs.
                applyFree();
                next.ifPresent(this::runOne);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // an Error (out of memory) included: the worker must outlive any one prompt
                LOG.error("prompt worker failure", e);
            }
        }
    }

    private void runOne(QueueItem item) {
        long started = System.nanoTime();
        hub.broadcastStatus(store::remaining);
        // a fresh signal per run; like ComfyUI's flag, it starts lowered
        InterruptSignal interrupt = new InterruptSignal();
        signals.put(item.promptId(), interrupt);
        EventRouter router = new EventRouter(hub, item.clientId(),
                Optional.of(new RemainingTime(item.promptId(), item.prompt(), nodeTimes, System::nanoTime)));
        RunRecorder recorder = new RunRecorder(router);
        RunOutcome outcome;
        try {
            outcome = runner.run(request(item), recorder, interrupt);
        } catch (Throwable failure) {
            LOG.error("prompt {} failed inside the executor: {}", item.promptId(), failure.toString(), failure);
            recorder.onEvent(internalError(item.promptId(), failure));
            outcome = new RunOutcome(RunOutcome.Status.FAILED, Map.of(), Map.of());
        }
        if (!recorder.sawTerminal()) {
            recorder.onEvent(internalError(item.promptId(), new IllegalStateException("the run ended without a terminal event")));
        }
        try {
            store.finish(historyEntry(item, outcome, recorder));
        } catch (RuntimeException | Error unrecordable) {
            // the job must leave "running" whatever happens, or the queue stops for good
            LOG.error("prompt {}: its history entry could not be built; stored without outputs", item.promptId(), unrecordable);
            store.finish(historyEntry(item, new RunOutcome(outcome.status(), Map.of(), Map.of()), recorder));
        } finally {
            signals.remove(item.promptId(), interrupt);
            recorder.sendTerminal();
            router.finish();
            hub.broadcastStatus(store::remaining);
            item.clientId().ifPresent(client -> {
                ObjectNode data = Json.object().putNull("node").put("prompt_id", item.promptId());
                hub.send(client, SocketHub.text("executing", data));
            });
        }
        LOG.info("Prompt executed in {} seconds", String.format("%.2f", (System.nanoTime() - started) / 1e9));
    }

    private static ExecutionRequest request(QueueItem item) {
        Map<String, Object> extra = Json.MAPPER.convertValue(item.extraData(), Json.MAP_TYPE);
        extra.putAll(item.sensitive());
        return new ExecutionRequest(item.promptId(), Prompt.parse(item.prompt().deepCopy()), item.outputs(), extra);
    }

    private static HistoryEntry historyEntry(QueueItem item, RunOutcome outcome, RunRecorder recorder) {
        boolean success = recorder.succeeded();
        ObjectNode outputs = Json.object();
        outcome.outputs().forEach((node, ui) -> outputs.set(node, Json.tree(ui)));
        ObjectNode meta = Json.object();
        outcome.meta().forEach((node, m) -> {
            ObjectNode entry = meta.putObject(node);
            entry.put("node_id", m.nodeId()).put("display_node", m.displayNode());
            m.parentNode().ifPresentOrElse(p -> entry.put("parent_node", p), () -> entry.putNull("parent_node"));
            entry.put("real_node_id", m.realNodeId());
        });
        return new HistoryEntry(item, outputs, success ? "success" : "error", success, recorder.messages(), meta);
    }

    private static ExecutionEvent.ExecutionError internalError(String promptId, Throwable failure) {
        List<String> trace = Arrays.stream(failure.getStackTrace()).limit(20).map(String::valueOf).toList();
        return new ExecutionEvent.ExecutionError(promptId, "", "", List.of(), String.valueOf(failure.getMessage()),
                failure.getClass().getName(), trace, Optional.of(Map.of()), List.of(),
                OptionalLong.of(System.currentTimeMillis()));
    }

    private void applyFree() {
        boolean free = freeMemory.getAndSet(false);
        boolean unload = unloadModels.getAndSet(false) || free;
        if (free) runner.clearCaches();
        if (unload) {
            LOG.info("unloading models");
            runner.unloadModels();
        }
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
