package dev.easel.server.wire;

import dev.easel.engine.event.ExecutionEvent.ProgressState;
import dev.easel.engine.event.NodeProgress;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes {@code progress_state} messages of one run. Each message repeats every node seen so
 * far (ComfyUI's protocol), so a node's entry is serialised once and reused for as long as the
 * engine hands over the same entry; only the node that changed is written again. The text is
 * the same as {@link EventMessages#message} produces. One instance per run, not thread-safe.
 */
public final class ProgressStateText {
    private record Entry(NodeProgress progress, String json) {}

    private final Map<String, Entry> entries = new HashMap<>();

    public String message(ProgressState event) {
        StringBuilder out = new StringBuilder(64 + 200 * event.nodes().size());
        out.append("{\"type\":\"progress_state\",\"data\":{\"prompt_id\":").append(Json.write(event.promptId()))
                .append(",\"nodes\":{");
        boolean first = true;
        for (Map.Entry<String, NodeProgress> node : event.nodes().entrySet()) {
            if (!first) out.append(',');
            first = false;
            out.append(entry(node.getKey(), node.getValue()));
        }
        return out.append("}}}").toString();
    }

    private String entry(String nodeId, NodeProgress progress) {
        Entry known = entries.get(nodeId);
        if (known != null && known.progress() == progress) return known.json();
        String json = Json.write(nodeId) + ":" + Json.write(EventMessages.nodeProgress(progress));
        entries.put(nodeId, new Entry(progress, json));
        return json;
    }
}
