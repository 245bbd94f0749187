package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.server.wire.EventMessages;
import dev.easel.server.wire.Json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A finished prompt as {@code /history} shows it. {@code messages} are the
 * {@code [event, data]} pairs of {@code execution_start}, {@code execution_cached} and the
 * terminal message, with the same data as sent over the socket.
 */
public record HistoryEntry(QueueItem item, ObjectNode outputs, String statusStr, boolean completed,
                           List<ArrayNode> messages, ObjectNode meta) {

    public HistoryEntry {
        messages = List.copyOf(messages);
    }

    /** The exception type of a job that ended because its server stopped during it. */
    public static final String SERVER_STOPPED = "ServerStopped";

    /**
     * A job whose run was cut off (the server stopped or lost its claim): failed, no outputs, an
     * {@code execution_start} at the moment it was claimed and an {@code execution_error} that
     * says why.
     */
    public static HistoryEntry abandoned(QueueItem item, Instant claimedAt, String reason, Instant now) {
        String id = item.promptId();
        List<ExecutionEvent> events = List.of(new ExecutionEvent.ExecutionStart(id, claimedAt.toEpochMilli()),
                new ExecutionEvent.ExecutionError(id, "", "", List.of(), reason, SERVER_STOPPED, List.of(),
                        Optional.of(Map.of()), List.of(), OptionalLong.of(now.toEpochMilli())));
        List<ArrayNode> messages = events.stream().map(HistoryEntry::messagePair).toList();
        return new HistoryEntry(item, Json.object(), "error", false, messages, Json.object());
    }

    /** An event as {@code status.messages} records it: {@code [type, data]}. */
    public static ArrayNode messagePair(ExecutionEvent event) {
        ArrayNode pair = Json.array();
        pair.add(EventMessages.type(event).orElseThrow());
        pair.add(EventMessages.data(event));
        return pair;
    }

    public ObjectNode toJson() {
        ObjectNode entry = Json.object();
        entry.set("prompt", item.toJson());
        entry.set("outputs", outputs);
        entry.set("status", statusJson());
        entry.set("meta", meta);
        return entry;
    }

    public ObjectNode statusJson() {
        ObjectNode status = Json.object();
        status.put("status_str", statusStr);
        status.put("completed", completed);
        ArrayNode list = status.putArray("messages");
        messages.forEach(list::add);
        return status;
    }

    /** The data of the first message of this type, if recorded. */
    public Optional<ObjectNode> message(String type) {
        return messages.stream().filter(m -> type.equals(m.get(0).asText()))
                .map(m -> (ObjectNode) m.get(1)).findFirst();
    }
}
