package dev.easel.server.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.validate.ErrorInfo;
import dev.easel.engine.validate.NodeErrors;

import java.util.Map;

/** ComfyUI's prompt error shape: {@code {"error": {type, message, details, extra_info}, "node_errors"}}. */
public final class PromptErrors {

    private PromptErrors() {
    }

    public static ObjectNode body(ErrorInfo error, Map<String, NodeErrors> nodeErrors) {
        ObjectNode body = Json.object();
        body.set("error", error(error));
        body.set("node_errors", nodeErrors(nodeErrors));
        return body;
    }

    /** A top-level error with no node errors and empty {@code extra_info}. */
    public static ObjectNode simple(String type, String message, String details) {
        return body(new ErrorInfo(type, message, details, Map.of()), Map.of());
    }

    public static ObjectNode error(ErrorInfo error) {
        ObjectNode node = Json.object();
        node.put("type", error.type()).put("message", error.message()).put("details", error.details());
        node.set("extra_info", Json.tree(error.extraInfo()));
        return node;
    }

    public static ObjectNode nodeErrors(Map<String, NodeErrors> nodeErrors) {
        ObjectNode all = Json.object();
        nodeErrors.forEach((id, errors) -> {
            ObjectNode node = all.putObject(id);
            ArrayNode list = node.putArray("errors");
            errors.errors().forEach(e -> list.add(error(e)));
            ArrayNode dependent = node.putArray("dependent_outputs");
            errors.dependentOutputs().forEach(dependent::add);
            node.put("class_type", errors.classType());
        });
        return all;
    }
}
