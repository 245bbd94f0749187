package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;

import java.util.List;
import java.util.Optional;

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
