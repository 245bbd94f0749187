package dev.easel.server.eta;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What nodes took in earlier runs, by node type and image size: the last run of each, and for
 * nodes that report steps (samplers) how many steps it had, so another step count scales it.
 * One per server; the worker writes, the estimates read.
 */
public final class NodeTimes {
    /** One node's run: its time and the step count its progress reported (0 when none). */
    public record Timing(long nanos, long steps) {
        /** The time for a run of this many steps (a node without steps takes the same time). */
        long nanosFor(Optional<Long> steps) {
            return this.steps > 0 && steps.isPresent() ? nanos / this.steps * steps.get() : nanos;
        }
    }

    private final Map<String, Timing> timings = new ConcurrentHashMap<>();

    void learn(String key, Timing timing) {
        timings.put(key, timing);
    }

    Optional<Timing> timing(String key) {
        return Optional.ofNullable(timings.get(key));
    }
}
