package dev.easel.engine.validate;

import dev.easel.engine.files.FileSpace;
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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ComfyUI's {@code validate_inputs}: one node's inputs, then its linked ancestors', with
 * memoised verdicts and static cycle detection. One instance per validated prompt.
 */
final class NodeValidation {

    record Verdict(boolean valid, List<ErrorInfo> errors) {}

    /** The most nodes a dependency cycle's report names. */
    private static final int SHOWN_CYCLE = 100;

    private final Prompt prompt;
    private final NodeRegistry registry;
    private final FileSpace files;
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private final List<String> verdictOrder = new ArrayList<>();

    NodeValidation(Prompt prompt, NodeRegistry registry, FileSpace files) {
        this.prompt = prompt;
        this.registry = registry;
        this.files = files;
    }

    Map<String, Verdict> verdicts() {
        return verdicts;
    }

    /** Node ids in the order their verdicts were first recorded (ComfyUI's dict order). */
    List<String> verdictOrder() {
        return verdictOrder;
    }

    Verdict validateOutput(String outputId) {
        try {
            return validate(outputId);
        } catch (ValidationException ex) {
            Verdict failed = new Verdict(false, List.of(ValidationErrors.outerException(ex.getMessage(), ex.exceptionType())));
            record(outputId, failed);
            return failed;
        }
    }

    /**
     * Depth first through linked ancestors with an explicit stack, so a chain of any length is
     * validated without recursion. A frame pauses at a linked input whose source has no verdict
     * yet, and resumes with that verdict (or the exception its source raised).
     */
    private Verdict validate(String outputId) throws ValidationException {
        Verdict known = verdicts.get(outputId);
        if (known != null) return known;
        Deque<Frame> stack = new ArrayDeque<>();
        Set<String> visiting = new HashSet<>();
        stack.push(new Frame(outputId));
        visiting.add(outputId);
        Verdict finished = null;
        ValidationException raised = null;
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.waitingFor != null) {
                frame.resume(finished, raised);
                finished = null;
                raised = null;
            }
            try {
                String next = frame.advance();
                if (next == null) {
                    stack.pop();
                    visiting.remove(frame.id);
                    finished = frame.finish();
                    continue;
                }
                Verdict childKnown = verdicts.get(next);
                if (childKnown == null && visiting.contains(next)) childKnown = reportCycle(next, stack);
                if (childKnown != null) {
                    frame.resume(childKnown, null);
                    continue;
                }
                stack.push(new Frame(next));
                visiting.add(next);
            } catch (ValidationException ex) {
                stack.pop();
                visiting.remove(frame.id);
                if (stack.isEmpty()) throw ex;
                raised = ex;
            }
        }
        return finished;
    }

    /** One node being validated: its inputs in schema order, paused at most at one link. */
    private final class Frame {
        final String id;
        final PromptNode node;
        final NodeDefinition definition;
        final Optional<CustomValidation> custom;
        final boolean skipLinkTypes;
        final List<InputSpec> specs;
        final List<ErrorInfo> errors = new ArrayList<>();
        final Map<String, String> receivedTypes = new LinkedHashMap<>();
        final Map<String, Object> converted = new LinkedHashMap<>();
        int next;
        boolean valid = true;
        String waitingFor;
        InputSpec waitingSpec;
        List<Object> waitingLink;

        Frame(String id) {
            this.id = id;
            this.node = prompt.nodes().get(id);
            this.definition = registry.find(node.classType()).orElseThrow();
            this.custom = definition.customValidation();
            this.skipLinkTypes = custom.map(CustomValidation::wantsInputTypes).orElse(false);
            this.specs = definition.schema().in(files).inputs();
        }

        /** Checks inputs up to the next link that needs its source validated; null when done. */
        String advance() throws ValidationException {
            while (next < specs.size()) {
                InputSpec spec = specs.get(next++);
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
                        waitingFor = link.nodeId();
                        waitingSpec = spec;
                        waitingLink = linkJson;
                        return waitingFor;
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
                        Bounds.check(name, spec, v).ifPresent(errors::add);
                    }
                }
            }
            return null;
        }

        /** The source of the awaited link ended with {@code verdict}, or raised {@code raised}. */
        void resume(Verdict verdict, ValidationException raised) {
            if (raised != null) {
                valid = false;
                record(waitingFor, new Verdict(false, List.of(ValidationErrors.innerException(
                        waitingSpec.name(), waitingSpec, raised.getMessage(), raised.exceptionType(), waitingLink))));
            } else if (!verdict.valid()) {
                valid = false;
            }
            waitingFor = null;
        }

        Verdict finish() throws ValidationException {
            if (custom.isPresent()) errors.addAll(runCustom(id, node, definition, custom.get(), converted, receivedTypes));
            Verdict previous = verdicts.getOrDefault(id, new Verdict(true, List.of()));
            List<ErrorInfo> joined = new ArrayList<>(previous.errors());
            errors.stream().filter(e -> !joined.contains(e)).forEach(joined::add);
            Verdict verdict = new Verdict(previous.valid() && valid && errors.isEmpty(), joined);
            record(id, verdict);
            return verdict;
        }
    }

    private void record(String id, Verdict verdict) {
        if (verdicts.put(id, verdict) == null) verdictOrder.add(id);
    }

    private String receivedType(Link link) throws ValidationException {
        PromptNode source = prompt.nodes().get(link.nodeId());
        if (source == null) throw new ValidationException(PyRepr.repr(link.nodeId()), "KeyError");
        List<OutputSpec> outputs = registry.find(source.classType()).orElseThrow().schema().outputs();
        if (link.slot() >= outputs.size()) throw new ValidationException("tuple index out of range", "IndexError");
        return outputs.get(link.slot()).type();
    }

    /** The stack holds the path from the output down; the cycle is its part from {@code id} on. */
    private Verdict reportCycle(String id, Deque<Frame> stack) {
        List<String> visiting = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(f -> visiting.add(f.id));
        List<String> path = new ArrayList<>(visiting.subList(visiting.indexOf(id), visiting.size()));
        path.add(id);
        // one path text and one node list shared by every node of the cycle, both cut to a
        // readable length: a cycle through thousands of nodes must not cost their square
        List<String> cycleNodes = List.copyOf(new LinkedHashSet<>(path));
        List<String> shownNodes = path.size() <= SHOWN_CYCLE ? path
                : List.of(String.join(" -> ", path.subList(0, SHOWN_CYCLE / 2).stream().map(this::described).toList()),
                "... " + (path.size() - SHOWN_CYCLE) + " more ...",
                String.join(" -> ", path.subList(path.size() - SHOWN_CYCLE / 2, path.size()).stream().map(this::described).toList()));
        String shown = path.size() <= SHOWN_CYCLE ? String.join(" -> ", path.stream().map(this::described).toList())
                : String.join(" -> ", shownNodes);
        List<String> reported = cycleNodes.size() <= SHOWN_CYCLE ? cycleNodes : cycleNodes.subList(0, SHOWN_CYCLE);
        for (String nodeId : cycleNodes) {
            record(nodeId, new Verdict(false, List.of(ValidationErrors.dependencyCycle(nodeId, shown, reported))));
        }
        return verdicts.get(id);
    }

    private String described(String nodeId) {
        return nodeId + " (" + prompt.nodes().get(nodeId).classType() + ")";
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
            failure = custom.check().validate(new Inputs(values), custom.wantsInputTypes() ? receivedTypes : Map.of(), files);
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
