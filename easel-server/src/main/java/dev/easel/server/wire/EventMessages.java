package dev.easel.server.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionEvent.ExecutionCached;
import dev.easel.engine.event.ExecutionEvent.ExecutionError;
import dev.easel.engine.event.ExecutionEvent.ExecutionInterrupted;
import dev.easel.engine.event.ExecutionEvent.ExecutionStart;
import dev.easel.engine.event.ExecutionEvent.ExecutionSuccess;
import dev.easel.engine.event.NodeProgress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON {@code type} and {@code data} of every text message an execution event becomes. */
public final class EventMessages {

    private EventMessages() {
    }

    /** The wire type name, or empty for events that travel as binary frames. */
    public static Optional<String> type(ExecutionEvent event) {
        return Optional.ofNullable(switch (event) {
            case ExecutionStart e -> "execution_start";
            case ExecutionCached e -> "execution_cached";
            case ExecutionEvent.Executing e -> "executing";
            case ExecutionEvent.Progress e -> "progress";
            case ExecutionEvent.ProgressState e -> "progress_state";
            case ExecutionEvent.Executed e -> "executed";
            case ExecutionSuccess e -> "execution_success";
            case ExecutionError e -> "execution_error";
            case ExecutionInterrupted e -> "execution_interrupted";
            case ExecutionEvent.PreviewImage e -> null;
            case ExecutionEvent.ProgressText e -> null;
        });
    }

    public static ObjectNode data(ExecutionEvent event) {
        ObjectNode data = Json.object();
        switch (event) {
            case ExecutionStart e -> data.put("prompt_id", e.promptId()).put("timestamp", e.timestamp());
            case ExecutionCached e -> {
                strings(data.putArray("nodes"), e.nodes());
                data.put("prompt_id", e.promptId()).put("timestamp", e.timestamp());
            }
            case ExecutionEvent.Executing e -> data.put("node", e.nodeId()).put("display_node", e.displayNodeId())
                    .put("prompt_id", e.promptId());
            case ExecutionEvent.Progress e -> {
                data.set("value", Json.tree(e.value()));
                data.set("max", Json.tree(e.max()));
                data.put("prompt_id", e.promptId()).put("node", e.nodeId());
            }
            case ExecutionEvent.ProgressState e -> {
                data.put("prompt_id", e.promptId());
                ObjectNode nodes = data.putObject("nodes");
                e.nodes().forEach((id, progress) -> nodes.set(id, nodeProgress(progress)));
            }
            case ExecutionEvent.Executed e -> {
                data.put("node", e.nodeId()).put("display_node", e.displayNodeId());
                data.set("output", e.output().map(Json::tree).orElse(Json.object().nullNode()));
                data.put("prompt_id", e.promptId());
            }
            case ExecutionSuccess e -> data.put("prompt_id", e.promptId()).put("timestamp", e.timestamp());
            case ExecutionError e -> error(data, e);
            case ExecutionInterrupted e -> {
                data.put("prompt_id", e.promptId()).put("node_id", e.nodeId()).put("node_type", e.nodeType());
                strings(data.putArray("executed"), e.executed());
                data.put("timestamp", e.timestamp());
            }
            case ExecutionEvent.PreviewImage e -> throw new IllegalArgumentException("previews are binary frames");
            case ExecutionEvent.ProgressText e -> throw new IllegalArgumentException("progress text is a binary frame");
        }
        return data;
    }

    /** {@code {"type", "data"}}, as sent over the socket. */
    public static ObjectNode message(ExecutionEvent event) {
        ObjectNode message = Json.object();
        message.put("type", type(event).orElseThrow());
        message.set("data", data(event));
        return message;
    }

    private static void error(ObjectNode data, ExecutionError e) {
        data.put("prompt_id", e.promptId()).put("node_id", e.nodeId()).put("node_type", e.nodeType());
        strings(data.putArray("executed"), e.executed());
        data.put("exception_message", e.exceptionMessage()).put("exception_type", e.exceptionType());
        strings(data.putArray("traceback"), e.traceback());
        data.set("current_inputs", e.currentInputs().map(Json::tree)
                .orElse(Json.array()));
        strings(data.putArray("current_outputs"), e.currentOutputs());
        e.timestamp().ifPresent(t -> data.put("timestamp", t));
    }

    public static ObjectNode nodeProgress(NodeProgress p) {
        ObjectNode node = Json.object();
        node.set("value", Json.tree(p.value()));
        node.set("max", Json.tree(p.max()));
        node.put("state", p.state().wireName());
        node.put("node_id", p.nodeId()).put("prompt_id", p.promptId()).put("display_node_id", p.displayNodeId());
        p.parentNodeId().ifPresentOrElse(id -> node.put("parent_node_id", id), () -> node.putNull("parent_node_id"));
        node.put("real_node_id", p.realNodeId());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
