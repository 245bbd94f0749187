package dev.easel.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A queue or history item as the jobs API shows it (§2.5). Keys whose value would be null
 * are left out.
 */
public record JobView(String id, Status status, QueueItem item, Optional<HistoryEntry> history) {

    public enum Status {
        PENDING, IN_PROGRESS, COMPLETED, FAILED, CANCELLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Set<String> TERMINAL = Set.of("execution_success", "execution_error", "execution_interrupted");
    private static final Set<String> MEDIA_KEYS = Set.of("images", "video", "audio", "3d");
    private static final Set<String> MODEL_EXTENSIONS = Set.of(".obj", ".fbx", ".gltf", ".glb", ".usdz");

    public static JobView pending(QueueItem item) {
        return new JobView(item.promptId(), Status.PENDING, item, Optional.empty());
    }

    public static JobView running(QueueItem item) {
        return new JobView(item.promptId(), Status.IN_PROGRESS, item, Optional.empty());
    }

    public static JobView finished(HistoryEntry entry) {
        Status status = switch (entry.statusStr()) {
            case "success" -> Status.COMPLETED;
            case "error" -> entry.message("execution_interrupted").isPresent() ? Status.CANCELLED : Status.FAILED;
            default -> Status.COMPLETED;
        };
        return new JobView(entry.item().promptId(), status, entry.item(), Optional.of(entry));
    }

    public OptionalLong createTime() {
        return item.createTime();
    }

    public OptionalLong startTime() {
        return history.flatMap(h -> h.message("execution_start")).map(m -> m.path("timestamp"))
                .filter(JsonNode::isNumber).map(n -> OptionalLong.of(n.asLong())).orElse(OptionalLong.empty());
    }

    public OptionalLong endTime() {
        return history.flatMap(h -> h.messages().stream().filter(m -> TERMINAL.contains(m.get(0).asText()))
                        .reduce((first, last) -> last))
                .map(m -> m.get(1).path("timestamp")).filter(JsonNode::isNumber)
                .map(n -> OptionalLong.of(n.asLong())).orElse(OptionalLong.empty());
    }

    /** End minus start, 0 when either is unknown: what {@code sort_by=execution_duration} orders by. */
    public long duration() {
        if (startTime().isEmpty() || endTime().isEmpty()) return 0;
        return endTime().getAsLong() - startTime().getAsLong();
    }

    public Optional<String> workflowId() {
        JsonNode id = item.extraData().path("extra_pnginfo").path("workflow").path("id");
        return id.isMissingNode() || id.isNull() ? Optional.empty() : Optional.of(id.asText());
    }

    /** The list form. */
    public ObjectNode summary() {
        ObjectNode job = Json.object();
        job.put("id", id).put("status", status.wireName());
        job.set("priority", item.number());
        createTime().ifPresent(t -> job.put("create_time", t));
        startTime().ifPresent(t -> job.put("execution_start_time", t));
        endTime().ifPresent(t -> job.put("execution_end_time", t));
        if (status == Status.FAILED) {
            history.flatMap(h -> h.message("execution_error")).ifPresent(e -> job.set("execution_error", e));
        }
        ObjectNode outputs = history.map(HistoryEntry::outputs).orElseGet(Json::object);
        int[] counts = count(outputs);
        job.put("outputs_count", counts[0]).put("previewable_outputs_count", counts[1]);
        history.flatMap(h -> previewOutput(h.outputs())).ifPresent(p -> job.set("preview_output", p));
        workflowId().ifPresent(w -> job.put("workflow_id", w));
        return job;
    }

    /** The single-job form: the summary plus outputs, raw status and the workflow. */
    public ObjectNode detail() {
        ObjectNode job = summary();
        history.ifPresent(h -> {
            job.set("outputs", h.outputs());
            job.set("execution_status", h.statusJson());
        });
        ObjectNode workflow = job.putObject("workflow");
        workflow.set("prompt", item.prompt());
        workflow.set("extra_data", item.extraData());
        return job;
    }

    private static int[] count(ObjectNode outputs) {
        int all = 0;
        int previewable = 0;
        for (Map.Entry<String, JsonNode> node : outputs.properties()) {
            for (Map.Entry<String, JsonNode> key : node.getValue().properties()) {
                if (key.getKey().equals("animated") || !key.getValue().isArray()) continue;
                for (JsonNode item : key.getValue()) {
                    all++;
                    if (isVisual(key.getKey(), item)) previewable++;
                }
            }
        }
        return new int[] {all, previewable};
    }

    private static boolean isVisual(String key, JsonNode item) {
        if (MEDIA_KEYS.contains(key)) return true;
        String format = item.path("format").asText("");
        if (format.startsWith("video/") || format.startsWith("audio/")) return true;
        String name = item.isTextual() ? item.asText() : item.path("filename").asText("");
        return MODEL_EXTENSIONS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith);
    }

    /** First visual item of type output, else any visual item; with {@code nodeId} and {@code mediaType}. */
    private static Optional<ObjectNode> previewOutput(ObjectNode outputs) {
        Optional<ObjectNode> fallback = Optional.empty();
        for (Map.Entry<String, JsonNode> node : outputs.properties()) {
            for (Map.Entry<String, JsonNode> key : node.getValue().properties()) {
                if (key.getKey().equals("animated") || !key.getValue().isArray()) continue;
                for (JsonNode item : key.getValue()) {
                    if (!isVisual(key.getKey(), item)) continue;
                    ObjectNode chosen = item.isObject() ? ((ObjectNode) item).deepCopy()
                            : Json.object().put("filename", item.asText()).put("type", "output").put("subfolder", "");
                    chosen.put("nodeId", node.getKey()).put("mediaType", item.isTextual() ? "3d" : key.getKey());
                    if ("output".equals(chosen.path("type").asText())) return Optional.of(chosen);
                    if (fallback.isEmpty()) fallback = Optional.of(chosen);
                }
            }
        }
        return fallback;
    }
}
