package dev.easel.server.worker;

import dev.easel.engine.files.FileSpace;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.events.JobEvent;
import dev.easel.server.events.JobPublisher;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.RunOutcome;
import dev.easel.engine.graph.Prompt;
import dev.easel.server.store.Claim;
import dev.easel.server.store.HistoryEntry;
import dev.easel.server.store.JobStore;
import dev.easel.server.store.QueueItem;
import dev.easel.server.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single thread that runs prompts one at a time: claim → run → history → {@code status} →
 * {@code executing {node: null}} → pending {@code /free} requests. Claims are taken in the name
 * of this server's instance and renewed while the run lasts. The worker knows no sockets: it says
 * what happens to jobs through a {@link JobPublisher}, as the engine speaks through its listener.
 */
public final class PromptWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PromptWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(250);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final JobStore store;
    private final JobPublisher jobs;
    private final PromptRunner runner;
    private final String owner;
    private final Function<String, FileSpace> filesOfUser;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lease-renewal").daemon().factory());
    private final Map<String, InterruptSignal> signals = new ConcurrentHashMap<>();
    private final AtomicBoolean unloadModels = new AtomicBoolean();
    private final AtomicBoolean freeMemory = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean draining;
    private volatile Claim current;

    /**
     * @param owner       this worker's name on the claims it takes
     * @param filesOfUser the folders a job of the given user runs in
     */
    public PromptWorker(JobStore store, JobPublisher jobs, PromptRunner runner, String owner,
                        Function<String, FileSpace> filesOfUser) {
        this.store = store;
        this.jobs = jobs;
        this.runner = runner;
        this.owner = owner;
        this.filesOfUser = filesOfUser;
        this.thread = Thread.ofPlatform().name("prompt-worker").daemon().unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** {@code /interrupt} without an id: whatever runs now. */
    public void interruptRunning() {
        signals.keySet().forEach(this::raise);
    }

    /** Interrupts the job only if it is the one running; returns whether it was. */
    public boolean interruptIfRunning(String promptId) {
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
        while (!stopping && !draining) {
            try {
                Optional<Claim> next = store.claim(owner, LEASE, IDLE_POLL);
                if (next.isPresent() && draining) {
                    // taken just as the stop began: back to the queue for the next start
                    store.release(next.get());
                    return;
                }
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

    private void runOne(Claim claim) {
        current = claim;
        try {
            run(claim);
        } finally {
            current = null;
        }
    }

    private void run(Claim claim) {
        QueueItem item = claim.item();
        long started = System.nanoTime();
        jobs.announce(count -> new JobEvent.Started(item.promptId(), item.clientId(), item.user(), item.prompt(), count));
        // a fresh signal per run; like ComfyUI's flag, it starts lowered
        InterruptSignal interrupt = new InterruptSignal();
        signals.put(item.promptId(), interrupt);
        AtomicBoolean ended = new AtomicBoolean();
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(claim, interrupt, ended),
                LEASE.toMillis() / 3, LEASE.toMillis() / 3, TimeUnit.MILLISECONDS);
        RunRecorder recorder = new RunRecorder(jobs);
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
        ended.set(true);
        renewal.cancel(false);
        try {
            store.finish(claim, historyEntry(item, outcome, recorder));
        } catch (RuntimeException | Error unrecordable) {
            // the job must leave "running" whatever happens, or the queue stops for good
            LOG.error("prompt {}: its history entry could not be built; stored without outputs", item.promptId(), unrecordable);
            store.finish(claim, historyEntry(item, new RunOutcome(outcome.status(), Map.of(), Map.of()), recorder));
        } finally {
            signals.remove(item.promptId(), interrupt);
            recorder.sendTerminal();
            jobs.announce(count -> new JobEvent.Finished(item.promptId(), item.clientId(), count));
        }
        LOG.info("Prompt executed in {} seconds", String.format("%.2f", (System.nanoTime() - started) / 1e9));
    }

    /** A claim that can no longer be renewed belongs to nobody: the run stops rather than finish twice. */
    private void renew(Claim claim, InterruptSignal interrupt, AtomicBoolean ended) {
        try {
            if (ended.get() || store.renew(claim, LEASE) || ended.get()) return;
            LOG.error("prompt {}: the claim on it was lost; interrupting the run", claim.promptId());
        } catch (RuntimeException e) {
            LOG.error("prompt {}: the claim on it could not be renewed; interrupting the run", claim.promptId(), e);
        }
        interrupt.raise();
    }

    private ExecutionRequest request(QueueItem item) {
        Map<String, Object> extra = Json.MAPPER.convertValue(item.extraData(), Json.MAP_TYPE);
        extra.putAll(item.sensitive());
        return new ExecutionRequest(item.promptId(), Prompt.parse(item.prompt().deepCopy()), item.outputs(), extra,
                filesOfUser.apply(item.user()));
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

    /**
     * A graceful stop: takes no further job and waits up to {@code grace} for the running one.
     * A run still going then is recorded as failed with {@code reason} (the run itself is
     * stopped by {@link #close}). Returns whether the worker finished in time.
     */
    public boolean drain(Duration grace, String reason) {
        draining = true;
        try {
            thread.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) return true;
        Claim cut = current;
        if (cut != null && store.finish(cut, HistoryEntry.abandoned(cut.item(), cut.claimedAt(), reason, Instant.now()))) {
            LOG.warn("prompt {} did not finish within the {} s grace period; it is recorded as failed", cut.promptId(), grace.toSeconds());
        }
        return false;
    }

    @Override
    public void close() {
        stopping = true;
        renewals.shutdownNow();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
