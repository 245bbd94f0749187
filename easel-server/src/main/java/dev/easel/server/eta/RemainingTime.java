package dev.easel.server.eta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.server.wire.Json;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One run's estimate of the time left: for the running node, its time per step so far times the
 * steps to go; for the nodes still to run, what the same node types took at the same image size
 * in earlier runs ({@link NodeTimes}), a sampler's scaled to its step count. What this run's
 * nodes take is learned when each one ends; a node cut short by an error or interrupt is not.
 */
public final class RemainingTime {
    /** An estimate for the prompt's client; {@code complete} is false when some node to run was never seen before. */
    public record Estimate(String promptId, String nodeId, double nodeSeconds, double jobSeconds, boolean complete) {
        public ObjectNode json() {
            return Json.object().put("prompt_id", promptId).put("node", nodeId).put("node_seconds", nodeSeconds)
                    .put("job_seconds", jobSeconds).put("complete", complete);
        }
    }

    private final String promptId;
    private final JsonNode prompt;
    private final NodeTimes learned;
    private final LongSupplier clock;
    private final String size;
    private final Set<String> cached = new HashSet<>();
    /** What each node still to run is expected to take (null: never timed), filled at the first node. */
    private Map<String, Long> expected;
    private long restNanos;
    private int restUnknown;
    private Optional<String> node = Optional.empty();
    private long nodeStarted;
    private long nodeSteps;
    private long nodeNanos;
    private boolean nodeKnown;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    public RemainingTime(String promptId, JsonNode prompt, NodeTimes learned, LongSupplier clock) {
        this.promptId = promptId;
        this.prompt = prompt;
        this.learned = learned;
        this.clock = clock;
        this.size = imageSize(prompt);
    }

    /** The image size a prompt works at: the first node with constant width and height (and its batch), else none. */
    private static String imageSize(JsonNode prompt) {
        for (JsonNode node : prompt) {
            JsonNode in = node.path("inputs");
            if (in.path("width").isIntegralNumber() && in.path("height").isIntegralNumber()) {
                return in.get("width").asLong() + "x" + in.get("height").asLong() + "x" + in.path("batch_size").asLong(1);
            }
        }
        return "";
    }

    /**
     * Takes in one event of the run; true when it changes the estimate (a node started, a step
     * ended), which {@link #estimate()} then gives. Cheap: the nodes still to run are summed once.
     */
    public boolean observe(ExecutionEvent event) {
        long now = clock.getAsLong();
        switch (event) {
            case ExecutionEvent.ExecutionCached c -> cached.addAll(c.nodes());
            case ExecutionEvent.Executing executing -> {
                endNode(now, true);
                startNode(executing.nodeId(), now);
                return true;
            }
            case ExecutionEvent.Progress progress when node.filter(progress.nodeId()::equals).isPresent() -> {
                long value = progress.value().longValue();
                long max = progress.max().longValue();
                nodeSteps = max;
                if (value <= 0) return false;
                nodeNanos = (now - nodeStarted) / value * Math.max(0, max - value);
                nodeKnown = true;
                return true;
            }
            case ExecutionEvent.ExecutionSuccess success -> endNode(now, true);
            case ExecutionEvent.ExecutionError error when !error.isBlocker() -> endNode(now, false);
            case ExecutionEvent.ExecutionInterrupted interrupted -> endNode(now, false);
            default -> { }
        }
        return false;
    }

    /** The estimate as of the last event that changed it. */
    public Estimate estimate() {
        return new Estimate(promptId, node.orElse(""), seconds(nodeNanos), seconds(nodeNanos + restNanos),
                nodeKnown && restUnknown == 0);
    }

    private void startNode(String id, long now) {
        if (expected == null) {
            expected = new HashMap<>();
            for (var entry : prompt.properties()) {
                if (cached.contains(entry.getKey())) continue;
                Long nanos = timing(entry.getKey()).orElse(null);
                expected.put(entry.getKey(), nanos);
                if (nanos == null) restUnknown++;
                else restNanos += nanos;
            }
        }
        Optional<Long> own = timing(id);
        if (expected.containsKey(id)) {
            Long nanos = expected.remove(id);
            if (nanos == null) restUnknown--;
            else restNanos -= nanos;
        }
        node = Optional.of(id);
        nodeStarted = now;
        nodeSteps = 0;
        nodeNanos = own.orElse(0L);
        nodeKnown = own.isPresent();
    }

    private void endNode(long now, boolean finished) {
        if (node.isEmpty()) return;
        if (finished) key(node.get()).ifPresent(k -> learned.learn(k, new NodeTimes.Timing(now - nodeStarted, nodeSteps)));
        node = Optional.empty();
        nodeNanos = 0;
    }

    /** What a node of this prompt is expected to take, from an earlier run of its type at this size. */
    private Optional<Long> timing(String nodeId) {
        return key(nodeId).flatMap(learned::timing).map(t -> t.nanosFor(steps(nodeId)));
    }

    private Optional<String> key(String nodeId) {
        JsonNode classType = prompt.path(nodeId).path("class_type");
        return classType.isTextual() ? Optional.of(classType.asText() + "@" + size) : Optional.empty();
    }

    private Optional<Long> steps(String nodeId) {
        JsonNode steps = prompt.path(nodeId).path("inputs").path("steps");
        return steps.isIntegralNumber() ? Optional.of(steps.asLong()) : Optional.empty();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }
}
