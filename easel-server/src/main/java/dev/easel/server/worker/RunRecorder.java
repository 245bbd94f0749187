package dev.easel.server.worker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.server.events.JobEvent;
import dev.easel.server.events.JobPublisher;
import dev.easel.server.store.HistoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The listener of one run: publishes every event as a job event and keeps the messages history
 * records ({@code execution_start}, {@code execution_cached}, the terminal one). The terminal
 * message is held back until the worker has stored the run. Serialises events from async nodes
 * so the stream stays ordered; never throws into the engine.
 */
final class RunRecorder implements ExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final JobPublisher jobs;
    private final List<ArrayNode> messages = new ArrayList<>();
    private ExecutionEvent terminal;

    RunRecorder(JobPublisher jobs) {
        this.jobs = jobs;
    }

    @Override
    public synchronized void onEvent(ExecutionEvent event) {
        try {
            if (terminal != null && event.isTerminal()) {
                LOG.warn("ignoring a second terminal event for prompt {}: {}", event.promptId(), event);
                return;
            }
            if (event.isTerminal()) {
                terminal = event;
                logEnd(event);
            }
            if (isRecorded(event)) messages.add(HistoryEntry.messagePair(event));
            // The terminal message waits until history holds the run (see sendTerminal).
            if (!event.isTerminal()) jobs.publish(new JobEvent.Execution(event));
        } catch (RuntimeException e) {
            LOG.error("could not deliver {} for prompt {}", event.getClass().getSimpleName(), event.promptId(), e);
        }
    }

    /**
     * A failed or interrupted run reaches the server log once, as ComfyUI prints it: the node,
     * its type, the exception and its traceback. Inputs and extra data are never logged, since
     * they may hold a client's secret.
     */
    private static void logEnd(ExecutionEvent event) {
        switch (event) {
            case ExecutionEvent.ExecutionError e -> LOG.error("prompt {} failed at node {} ({}): {}: {}{}", e.promptId(),
                    e.nodeId().isEmpty() ? "-" : e.nodeId(), e.nodeType().isEmpty() ? "-" : e.nodeType(),
                    e.exceptionType(), e.exceptionMessage(),
                    e.traceback().isEmpty() ? "" : "\n" + String.join("\n", e.traceback().stream().map(String::stripTrailing).toList()));
            case ExecutionEvent.ExecutionInterrupted i -> LOG.info("prompt {} interrupted at node {} ({})", i.promptId(),
                    i.nodeId().isEmpty() ? "-" : i.nodeId(), i.nodeType().isEmpty() ? "-" : i.nodeType());
            default -> { }
        }
    }

    private static boolean isRecorded(ExecutionEvent event) {
        return event instanceof ExecutionEvent.ExecutionStart || event instanceof ExecutionEvent.ExecutionCached
                || event.isTerminal();
    }

    /**
     * Sends the held-back terminal message. Called once the run is stored, so a client that reacts
     * to {@code execution_success} by reading {@code /history} always finds the run there.
     */
    synchronized void sendTerminal() {
        if (terminal != null) jobs.publish(new JobEvent.Execution(terminal));
    }

    synchronized boolean sawTerminal() {
        return terminal != null;
    }

    /** History's verdict comes from the terminal message actually sent, so the two never disagree. */
    synchronized boolean succeeded() {
        return terminal instanceof ExecutionEvent.ExecutionSuccess;
    }

    synchronized List<ArrayNode> messages() {
        return List.copyOf(messages);
    }
}
