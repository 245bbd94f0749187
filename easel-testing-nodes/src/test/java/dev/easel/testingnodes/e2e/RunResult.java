package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one prompt did: the server's answer to {@code POST /prompt}, its socket messages and its
 * history entry.
 */
record RunResult(String promptId, JsonNode answer, List<JsonNode> messages, JsonNode history) {

    List<JsonNode> ofType(String type) {
        return messages.stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }

    /** A node actually ran when the server announced it with {@code executing}. */
    boolean didRun(String nodeId) {
        return ofType("executing").stream().anyMatch(m -> m.path("data").path("node").asText().equals(nodeId));
    }

    boolean wasCached(String nodeId) {
        return ofType("execution_cached").stream()
                .anyMatch(m -> m.path("data").path("nodes").toString().contains("\"" + nodeId + "\""));
    }

    Optional<JsonNode> error() {
        return ofType("execution_error").stream().map(m -> m.path("data")).findFirst();
    }

    boolean succeeded() {
        return !ofType("execution_success").isEmpty();
    }

    /** File names of the images an output node produced, from history. */
    List<String> images(String nodeId) {
        List<String> names = new ArrayList<>();
        history.path("outputs").path(nodeId).path("images").forEach(i -> names.add(i.path("filename").asText()));
        return names;
    }

    JsonNode imageEntries(String nodeId) {
        return history.path("outputs").path(nodeId).path("images");
    }
}
