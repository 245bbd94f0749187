package dev.easel.engine.validate;

import dev.easel.engine.node.InputSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every validation error ComfyUI reports, each shape built here and only here. */
public final class ValidationErrors {
    private ValidationErrors() {}

    public static ErrorInfo noPrompt() {
        return new ErrorInfo("no_prompt", "No prompt provided", "No prompt provided", Map.of());
    }

    public static ErrorInfo missingClassType(String nodeId, String title) {
        String shown = title != null ? title : "ID #" + nodeId;
        return new ErrorInfo("missing_node_type",
                "Node '" + shown + "' has no class_type. The workflow may be corrupted or a custom node is missing.",
                "Node ID '#" + nodeId + "'", nullable("node_id", nodeId, "class_type", null, "node_title", title));
    }

    /** A class type is echoed whole once ({@code class_type}); the message and title show at most its start. */
    public static ErrorInfo unknownClassType(String nodeId, String classType, String title) {
        String shown = shorten(title != null ? title : classType);
        return new ErrorInfo("missing_node_type", "Node '" + shown + "' not found. The custom node may not be installed.",
                "Node ID '#" + shorten(nodeId) + "'", nullable("node_id", nodeId, "class_type", classType, "node_title", shown));
    }

    private static final int SHOWN_NAME = 200;

    /** Names a client chose, cut for messages so an error never repeats a huge one. */
    static String shorten(String name) {
        return name.length() <= SHOWN_NAME ? name : name.substring(0, SHOWN_NAME) + "... (" + name.length() + " characters)";
    }

    public static ErrorInfo noOutputs() {
        return new ErrorInfo("prompt_no_outputs", "Prompt has no outputs", "", Map.of());
    }

    /** {@code omitted}: failures left out of the report to keep it bounded, counted in a last line. */
    public static ErrorInfo outputsFailed(List<ErrorInfo> reasons, int omitted) {
        List<String> lines = new ArrayList<>();
        reasons.forEach(r -> lines.add(r.message() + ": " + r.details()));
        if (omitted > 0) lines.add("... and " + omitted + " more");
        return new ErrorInfo("prompt_outputs_failed_validation", "Prompt outputs failed validation",
                String.join("\n", lines), Map.of());
    }

    public static ErrorInfo requiredMissing(String input) {
        return new ErrorInfo("required_input_missing", "Required input is missing", input, Map.of("input_name", input));
    }

    public static ErrorInfo badLinkedInput(String input, InputSpec spec, Object received) {
        return new ErrorInfo("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]",
                input, nullable("input_name", input, "input_config", config(spec), "received_value", received));
    }

    public static ErrorInfo returnTypeMismatch(String input, InputSpec spec, String receivedType, List<Object> link) {
        return new ErrorInfo("return_type_mismatch", "Return type mismatch between linked nodes",
                input + ", received_type(" + receivedType + ") mismatch input_type(" + PyRepr.str(spec.wireType()) + ")",
                nullable("input_name", input, "input_config", config(spec), "received_type", receivedType, "linked_node", link));
    }

    public static ErrorInfo innerException(String input, InputSpec spec, String message, String type, List<Object> link) {
        return new ErrorInfo("exception_during_inner_validation", "Exception when validating inner node", message,
                nullable("input_name", input, "input_config", config(spec), "exception_message", message,
                        "exception_type", type, "traceback", List.of(), "linked_node", link));
    }

    public static ErrorInfo outerException(String message, String type) {
        return new ErrorInfo("exception_during_validation", "Exception when validating node", message,
                nullable("exception_type", type, "traceback", List.of()));
    }

    public static ErrorInfo invalidInputType(String input, InputSpec spec, Object value, String reason) {
        return new ErrorInfo("invalid_input_type", "Failed to convert an input value to a " + spec.type() + " value",
                input + ", " + PyRepr.str(value) + ", " + reason,
                nullable("input_name", input, "input_config", config(spec), "received_value", value, "exception_message", reason));
    }

    public static ErrorInfo smallerThanMin(String input, InputSpec spec, Object value, Object min) {
        return new ErrorInfo("value_smaller_than_min", "Value " + PyRepr.str(value) + " smaller than min of " + PyRepr.str(min),
                input, nullable("input_name", input, "input_config", config(spec), "received_value", value));
    }

    public static ErrorInfo biggerThanMax(String input, InputSpec spec, Object value, Object max) {
        return new ErrorInfo("value_bigger_than_max", "Value " + PyRepr.str(value) + " bigger than max of " + PyRepr.str(max),
                input, nullable("input_name", input, "input_config", config(spec), "received_value", value));
    }

    public static ErrorInfo notInList(String input, InputSpec spec, List<Object> invalid, List<Object> choices, Object value) {
        boolean big = choices.size() > 20;
        String listInfo = big ? "(list of length " + choices.size() + ")" : PyRepr.repr(choices);
        List<String> shown = invalid.stream().map(PyRepr::repr).toList();
        return new ErrorInfo("value_not_in_list", "Value not in list",
                input + ": " + String.join(", ", shown) + " not in " + listInfo,
                nullable("input_name", input, "input_config", big ? null : config(spec), "received_value", value));
    }

    public static ErrorInfo customFailed(String input, String reason) {
        String details = input == null ? (reason == null ? "" : reason)
                : (reason == null ? input : input + " - " + reason);
        return new ErrorInfo("custom_validation_failed", "Custom validation failed for node", details,
                input == null ? Map.of() : Map.of("input_name", input));
    }

    public static ErrorInfo dependencyCycle(String nodeId, String path, List<String> cycleNodes) {
        return new ErrorInfo("dependency_cycle", "Dependency cycle detected", path,
                nullable("node_id", nodeId, "cycle_nodes", cycleNodes));
    }

    /** ComfyUI's {@code input_config}: {@code [type or choices, options]}. */
    static List<Object> config(InputSpec spec) {
        return Arrays.asList(spec.wireType(), new LinkedHashMap<>(spec.options()));
    }

    /** A map that may hold nulls (JSON null in the wire shape), in key order. */
    private static Map<String, Object> nullable(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }

}
