package dev.easel.engine.exec;

import dev.easel.engine.cache.CacheEntry;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.InputSection;
import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.validate.Coercion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects a node's input values as lists (ComfyUI's {@code get_input_data}): linked values
 * from the outputs of this run, declared constants (converted for INT/FLOAT/STRING/BOOLEAN
 * on client nodes, as validation does), rawLink inputs as links, hidden inputs from the run.
 */
final class InputGatherer {

    record Gathered(Map<String, List<Object>> values, Set<String> missing) {}

    private final DynamicPrompt graph;
    private final NodeLookup nodes;
    private final ExecutionRequest request;
    private final Function<String, Optional<CacheEntry>> outputs;

    InputGatherer(DynamicPrompt graph, NodeLookup nodes, ExecutionRequest request,
                  Function<String, Optional<CacheEntry>> outputs) {
        this.graph = graph;
        this.nodes = nodes;
        this.request = request;
        this.outputs = outputs;
    }

    Gathered gather(String nodeId) {
        return collect(nodeId, true);
    }

    /** Inputs for IS_CHANGED and validation: linked values are null. */
    Map<String, List<Object>> constantsOnly(String nodeId) {
        return collect(nodeId, false).values();
    }

    private Gathered collect(String nodeId, boolean resolveLinks) {
        PromptNode node = graph.require(nodeId);
        NodeSchema schema = nodes.definition(nodeId).schema();
        boolean clientNode = !graph.isEphemeral(nodeId);
        Map<String, List<Object>> values = new LinkedHashMap<>();
        Set<String> missing = new HashSet<>();
        for (Map.Entry<String, InputValue> entry : node.inputs().entrySet()) {
            String name = entry.getKey();
            Optional<InputSpec> spec = schema.input(name);
            boolean rawLink = spec.map(InputSpec::isRawLink).orElse(false);
            switch (entry.getValue()) {
                case InputValue.Linked linked when !rawLink -> {
                    Optional<List<Object>> value = resolveLinks ? outputs.apply(linked.link().nodeId())
                            .filter(e -> linked.link().slot() < e.outputs().size())
                            .map(e -> e.outputs().get(linked.link().slot())) : Optional.empty();
                    if (value.isPresent()) {
                        values.put(name, value.get());
                    } else {
                        missing.add(name);
                        values.put(name, single(null));
                    }
                }
                case InputValue.Linked linked -> values.put(name, single(linked.link()));
                case InputValue.Constant constant when spec.isPresent() ->
                        values.put(name, single(clientNode ? coerce(spec.get(), constant.value()) : constant.value()));
                case InputValue.Malformed malformed when spec.isPresent() -> values.put(name, single(malformed.raw()));
                default -> { }
            }
        }
        for (InputSpec hidden : schema.inputs(InputSection.HIDDEN)) {
            hidden.hiddenMarker().ifPresent(marker -> values.put(hidden.name(), single(hiddenValue(marker, nodeId))));
        }
        return new Gathered(values, missing);
    }

    private Object hiddenValue(HiddenInput marker, String nodeId) {
        Map<String, Object> extra = request.extraData();
        return switch (marker) {
            case PROMPT -> request.prompt().json();
            case DYNPROMPT -> graph;
            case EXTRA_PNGINFO -> extra.get("extra_pnginfo") instanceof Map<?, ?> m ? m : Map.of();
            case UNIQUE_ID -> nodeId;
            case AUTH_TOKEN_COMFY_ORG -> extra.get("auth_token_comfy_org");
            case API_KEY_COMFY_ORG -> extra.get("api_key_comfy_org");
            case COMFY_USAGE_SOURCE -> extra.get("comfy_usage_source");
        };
    }

    private static Object coerce(InputSpec spec, Object value) {
        try {
            return Coercion.coerce(spec.type(), value);
        } catch (Coercion.Failure invalid) {
            return value;
        }
    }

    private static List<Object> single(Object value) {
        List<Object> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }
}
