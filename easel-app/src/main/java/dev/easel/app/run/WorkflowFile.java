package dev.easel.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.app.config.ConfigException;
import dev.easel.engine.graph.Prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workflow file in ComfyUI's API format: either the prompt itself ({@code {"1": {...}}}) or
 * the body of a {@code POST /prompt} ({@code {"prompt": {...}, "extra_data": {...}}}).
 */
public record WorkflowFile(Prompt prompt, Map<String, Object> extraData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public WorkflowFile {
        extraData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraData));
    }

    @SuppressWarnings("unchecked")
    public static WorkflowFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read workflow " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + " is not an API-format workflow: expected a JSON object of nodes");
        }
        if (root.path("nodes").isArray()) {
            throw new ConfigException(file + " is a UI-format workflow (it has a \"nodes\" list); "
                    + "export it in API format and run that file");
        }
        if (root.path("prompt").isObject()) {
            Map<String, Object> extra = root.path("extra_data").isObject()
                    ? JSON.convertValue(root.get("extra_data"), Map.class) : Map.of();
            return new WorkflowFile(Prompt.parse((ObjectNode) root.get("prompt")), extra);
        }
        return new WorkflowFile(Prompt.parse((ObjectNode) root), Map.of());
    }
}
