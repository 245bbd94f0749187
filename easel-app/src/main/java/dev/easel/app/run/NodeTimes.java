package dev.easel.app.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long each node ran: a node's time runs from its {@code executing} to the next node's (or
 * the end of the run); a node that runs again (lazy inputs, expansion) adds to its total.
 */
final class NodeTimes {
    private final Map<String, Long> totals = new LinkedHashMap<>();
    private Optional<String> running = Optional.empty();
    private long since;

    void started(String nodeId, long nowNanos) {
        stop(nowNanos);
        running = Optional.of(nodeId);
        since = nowNanos;
    }

    void stop(long nowNanos) {
        running.ifPresent(id -> totals.merge(id, nowNanos - since, Long::sum));
        running = Optional.empty();
    }

    /** Node id → nanoseconds, in the order the nodes first ran. */
    Map<String, Long> totals() {
        return new LinkedHashMap<>(totals);
    }
}
