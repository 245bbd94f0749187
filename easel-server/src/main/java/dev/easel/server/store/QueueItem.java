package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One queued prompt, ComfyUI's {@code (number, prompt_id, prompt, extra_data, outputs_to_execute,
 * sensitive)}. {@code number} keeps its JSON kind (int when assigned, float when the client sent
 * it); {@code prompt} and {@code extraData} are the client's JSON as sent. {@code sensitive} holds
 * the API keys taken out of {@code extra_data}; it never leaves the server. {@code user} is who
 * queued it ({@code default} while authentication is off); it is not part of ComfyUI's tuple.
 */
public record QueueItem(NumericNode number, String promptId, ObjectNode prompt, ObjectNode extraData,
                        List<String> outputs, Map<String, String> sensitive, String user) {

    /** Python's tuple order: by number, ties by prompt id. */
    public static final Comparator<QueueItem> ORDER =
            Comparator.<QueueItem>comparingDouble(i -> i.number().doubleValue()).thenComparing(QueueItem::promptId);

    public QueueItem {
        outputs = List.copyOf(outputs);
        sensitive = Map.copyOf(sensitive);
        Objects.requireNonNull(user, "user");
    }

    /** The wire form used by {@code /queue} and history: the first five elements. */
    public ArrayNode toJson() {
        ArrayNode array = Json.array();
        array.add(number);
        array.add(promptId);
        array.add(prompt);
        array.add(extraData);
        ArrayNode outs = array.addArray();
        outputs.forEach(outs::add);
        return array;
    }

    public Optional<String> clientId() {
        var node = extraData.get("client_id");
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    public OptionalLong createTime() {
        var node = extraData.get("create_time");
        return node != null && node.isNumber() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }
}
