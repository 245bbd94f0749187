package dev.easel.server.eta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.server.wire.Json;

import java.util.HashSet;
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
    private final Set<String> done = new HashSet<>();
    private Optional<String> node = Optional.empty();
    private long nodeStarted;
    private long nodeSteps;

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

    /** Takes in one event of the run; an estimate after a node starts and after each of its steps. */
    public Optional<Estimate> observe(ExecutionEvent event) {
        long now = clock.getAsLong();
        switch (event) {
            case ExecutionEvent.ExecutionCached cached -> done.addAll(cached.nodes());
            case ExecutionEvent.Executing executing -> {
                endNode(now, true);
                node = Optional.of(executing.nodeId());
                nodeStarted = now;
                nodeSteps = 0;
                return Optional.of(estimate(key(executing.nodeId()).flatMap(learned::timing)
                        .map(t -> t.nanosFor(steps(executing.nodeId()))).orElse(0L)));
            }
            case ExecutionEvent.Progress progress when node.filter(progress.nodeId()::equals).isPresent() -> {
                long value = progress.value().longValue();
                long max = progress.max().longValue();
                nodeSteps = max;
                if (value <= 0) return Optional.empty();
                long perStep = (now - nodeStarted) / value;
                return Optional.of(estimate(perStep * Math.max(0, max - value)));
            }
            case ExecutionEvent.ExecutionSuccess success -> endNode(now, true);
            case ExecutionEvent.ExecutionError error when !error.isBlocker() -> endNode(now, false);
            case ExecutionEvent.ExecutionInterrupted interrupted -> endNode(now, false);
            default -> { }
        }
        return Optional.empty();
    }

    private void endNode(long now, boolean finished) {
        if (node.isEmpty()) return;
        String id = node.get();
        if (finished) key(id).ifPresent(k -> learned.learn(k, new NodeTimes.Timing(now - nodeStarted, nodeSteps)));
        done.add(id);
        node = Optional.empty();
    }

    private Estimate estimate(long nodeNanos) {
        long rest = 0;
        boolean complete = true;
        for (var entry : prompt.properties()) {
            String id = entry.getKey();
            if (done.contains(id) || node.filter(id::equals).isPresent()) continue;
            Optional<NodeTimes.Timing> timing = key(id).flatMap(learned::timing);
            if (timing.isEmpty()) complete = false;
            rest += timing.map(t -> t.nanosFor(steps(id))).orElse(0L);
        }
        String current = node.orElse("");
        return new Estimate(promptId, current, seconds(nodeNanos), seconds(nodeNanos + rest), complete);
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
