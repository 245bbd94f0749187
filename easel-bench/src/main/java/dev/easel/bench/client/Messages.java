package dev.easel.bench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** Reading the server's JSON text messages ({@code {"type": ..., "data": ...}}). */
public final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    /**
     * The message's {@code data} if its {@code type} is the one asked for. A substring test
     * first keeps the client from parsing the many messages it does not care about.
     */
    public static Optional<JsonNode> data(String message, String type) {
        if (!message.contains("\"" + type + "\"")) return Optional.empty();
        try {
            JsonNode root = JSON.readTree(message);
            return type.equals(root.path("type").asText()) ? Optional.of(root.path("data")) : Optional.empty();
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException("the server sent a text frame that is not JSON: " + message, malformed);
        }
    }

    /** The prompt id of an {@code executing} message whose node is null (the end of a prompt). */
    public static Optional<String> finishedPrompt(String message) {
        return data(message, "executing")
                .filter(d -> d.has("node") && d.get("node").isNull())
                .map(d -> d.path("prompt_id").asText());
    }
}
