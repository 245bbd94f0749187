package dev.easel.engine.validate;

import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.InputSection;
import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.OutputSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ComfyUI's {@code validate_inputs}: one node's inputs, recursing into linked ancestors, with
 * memoised verdicts and static cycle detection. One instance per validated prompt.
 */
final class NodeValidation {

    record Verdict(boolean valid, List<ErrorInfo> errors) {}

    private final Prompt prompt;
    private final NodeRegistry registry;
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

    NodeValidation(Prompt prompt, NodeRegistry registry) {
        this.prompt = prompt;
        this.registry = registry;
    }

    Map<String, Verdict> verdicts() {
        return verdicts;
    }

    Verdict validateOutput(String outputId) {
        try {
            return validate(outputId, new ArrayList<>());
        } catch (ValidationException ex) {
            Verdict failed = new Verdict(false, List.of(ValidationErrors.outerException(ex.getMessage(), ex.exceptionType())));
            verdicts.put(outputId, failed);
            return failed;
        }
    }

    private Verdict validate(String id, List<String> visiting) throws ValidationException {
        Verdict known = verdicts.get(id);
        if (known != null) return known;
        if (visiting.contains(id)) return reportCycle(id, visiting);

        PromptNode node = prompt.nodes().get(id);
        NodeDefinition definition = registry.find(node.classType()).orElseThrow();
        Optional<CustomValidation> custom = definition.customValidation();
        boolean skipLinkTypes = custom.map(CustomValidation::wantsInputTypes).orElse(false);
        List<ErrorInfo> errors = new ArrayList<>();
        boolean valid = true;
        Map<String, String> receivedTypes = new LinkedHashMap<>();
        Map<String, Object> converted = new LinkedHashMap<>();

        for (InputSpec spec : definition.schema().inputs()) {
            if (spec.section() == InputSection.HIDDEN) continue;
            String name = spec.name();
            InputValue value = node.inputs().get(name);
            if (value == null) {
                if (spec.section() == InputSection.REQUIRED) errors.add(ValidationErrors.requiredMissing(name));
                continue;
            }
            switch (value) {
                case InputValue.Malformed m -> {
                    if (m.raw().size() != 2) {
                        errors.add(ValidationErrors.badLinkedInput(name, spec, m.raw()));
                        continue;
                    }
                    throw new ValidationException(PyRepr.repr(m.raw().get(0)), "KeyError");
                }
                case InputValue.Linked linked -> {
                    Link link = linked.link();
                    String received = receivedType(link);
                    receivedTypes.put(name, received);
                    List<Object> linkJson = Arrays.asList(link.nodeId(), (long) link.slot());
                    if (!skipLinkTypes && !TypeMatch.matches(received, spec.type())) {
                        errors.add(ValidationErrors.returnTypeMismatch(name, spec, received, linkJson));
                        continue;
                    }
                    visiting.add(id);
                    try {
                        if (!validate(link.nodeId(), visiting).valid()) valid = false;
                    } catch (ValidationException ex) {
                        valid = false;
                        verdicts.put(link.nodeId(), new Verdict(false, List.of(ValidationErrors.innerException(
                                name, spec, ex.getMessage(), ex.exceptionType(), linkJson))));
                    } finally {
                        visiting.remove(visiting.size() - 1);
                    }
                }
                case InputValue.Constant constant -> {
                    Object v;
                    try {
                        v = Coercion.coerce(spec.type(), constant.value());
                    } catch (Coercion.Failure failure) {
                        errors.add(ValidationErrors.invalidInputType(name, spec, constant.value(), failure.getMessage()));
                        continue;
                    }
                    converted.put(name, v);
                    if (custom.map(c -> c.takes(name)).orElse(false)) continue;
                    Optional<ErrorInfo> bound = Bounds.check(name, spec, v);
                    bound.ifPresent(errors::add);
                }
            }
        }

        if (custom.isPresent()) {
            errors.addAll(runCustom(id, node, definition, custom.get(), converted, receivedTypes));
        }

        Verdict previous = verdicts.getOrDefault(id, new Verdict(true, List.of()));
        List<ErrorInfo> joined = new ArrayList<>(previous.errors());
        errors.stream().filter(e -> !joined.contains(e)).forEach(joined::add);
        Verdict verdict = new Verdict(previous.valid() && valid && errors.isEmpty(), joined);
        verdicts.put(id, verdict);
        return verdict;
    }

    private String receivedType(Link link) throws ValidationException {
        PromptNode source = prompt.nodes().get(link.nodeId());
        if (source == null) throw new ValidationException(PyRepr.repr(link.nodeId()), "KeyError");
        List<OutputSpec> outputs = registry.find(source.classType()).orElseThrow().schema().outputs();
        if (link.slot() >= outputs.size()) throw new ValidationException("tuple index out of range", "IndexError");
        return outputs.get(link.slot()).type();
    }

    private Verdict reportCycle(String id, List<String> visiting) {
        List<String> path = new ArrayList<>(visiting.subList(visiting.indexOf(id), visiting.size()));
        path.add(id);
        List<String> cycleNodes = new ArrayList<>(new LinkedHashSet<>(path));
        String shown = String.join(" -> ", path.stream()
                .map(n -> n + " (" + prompt.nodes().get(n).classType() + ")").toList());
        for (String nodeId : cycleNodes) {
            verdicts.put(nodeId, new Verdict(false, List.of(ValidationErrors.dependencyCycle(nodeId, shown, cycleNodes))));
        }
        return verdicts.get(id);
    }

    /** Calls the node's own check with its constants (linked inputs as null), as ComfyUI does. */
    private List<ErrorInfo> runCustom(String id, PromptNode node, NodeDefinition definition, CustomValidation custom,
                                      Map<String, Object> converted, Map<String, String> receivedTypes)
            throws ValidationException {
        Map<String, Object> values = new LinkedHashMap<>();
        node.inputs().forEach((name, value) -> {
            Optional<InputSpec> spec = definition.schema().input(name);
            boolean rawLink = spec.map(InputSpec::isRawLink).orElse(false);
            if (value instanceof InputValue.Linked linked && !rawLink) {
                values.put(name, null);
            } else if (spec.isPresent() && value instanceof InputValue.Linked linked) {
                values.put(name, linked.link());
            } else if (spec.isPresent() && value instanceof InputValue.Constant c) {
                values.put(name, converted.getOrDefault(name, c.value()));
            }
        });
        for (InputSpec hidden : definition.schema().inputs(InputSection.HIDDEN)) {
            hidden.hiddenMarker().ifPresent(marker -> values.put(hidden.name(), switch (marker) {
                case UNIQUE_ID -> id;
                case PROMPT -> Map.of();
                default -> null;
            }));
        }
        values.keySet().removeIf(name -> !custom.takes(name));
        Optional<String> failure;
        try {
            failure = custom.check().validate(new Inputs(values), custom.wantsInputTypes() ? receivedTypes : Map.of());
        } catch (Exception ex) {
            throw new ValidationException(String.valueOf(ex.getMessage()), ex.getClass().getSimpleName());
        }
        if (failure.isEmpty()) return List.of();
        String reason = failure.get().isEmpty() ? null : failure.get();
        List<String> names = new ArrayList<>(values.keySet());
        if (custom.wantsInputTypes()) names.add("input_types");
        if (names.isEmpty()) return List.of(ValidationErrors.customFailed(null, reason));
        return names.stream().map(n -> ValidationErrors.customFailed(n, reason)).toList();
    }
}
