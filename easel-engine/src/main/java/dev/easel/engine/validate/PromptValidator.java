package dev.easel.engine.validate;

import dev.easel.engine.graph.Prompt;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ComfyUI's {@code validate_prompt}: top-level checks (class types, outputs), then every output
 * through its linked ancestors. A prompt with at least one valid output is runnable; the
 * others are dropped and reported in {@code node_errors}.
 */
public final class PromptValidator {
    private final NodeRegistry registry;

    public PromptValidator(NodeRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param partialTargets {@code partial_execution_targets}: when present only these output
     *                       nodes are validated and run
     */
    public ValidationResult validate(Prompt prompt, Optional<List<String>> partialTargets) {
        Set<String> outputs = new LinkedHashSet<>();
        for (PromptNode node : prompt.nodes().values()) {
            if (node.classType().isEmpty()) {
                return invalid(ValidationErrors.missingClassType(node.id(), node.title().orElse(null)));
            }
            Optional<NodeDefinition> definition = registry.find(node.classType());
            if (definition.isEmpty()) {
                return invalid(ValidationErrors.unknownClassType(node.id(), node.classType(), node.title().orElse(null)));
            }
            boolean targeted = partialTargets.map(t -> t.contains(node.id())).orElse(true);
            if (definition.get().schema().outputNode() && targeted) {
                outputs.add(node.id());
            }
        }
        if (outputs.isEmpty()) {
            return invalid(ValidationErrors.noOutputs());
        }

        NodeValidation nodes = new NodeValidation(prompt, registry);
        List<String> good = new ArrayList<>();
        List<ErrorInfo> failures = new ArrayList<>();
        Map<String, NodeErrorsBuilder> nodeErrors = new LinkedHashMap<>();
        for (String output : outputs) {
            NodeValidation.Verdict verdict = nodes.validateOutput(output);
            if (verdict.valid()) {
                good.add(output);
                continue;
            }
            failures.addAll(verdict.errors());
            nodes.verdicts().forEach((nodeId, v) -> {
                if (!v.valid() && !v.errors().isEmpty()) {
                    nodeErrors.computeIfAbsent(nodeId, id -> new NodeErrorsBuilder(v.errors(),
                            prompt.nodes().get(id).classType())).dependentOutputs.add(output);
                }
            });
        }
        Map<String, NodeErrors> built = new LinkedHashMap<>();
        nodeErrors.forEach((id, b) -> built.put(id, new NodeErrors(b.errors, b.dependentOutputs, b.classType)));
        if (good.isEmpty()) {
            return new ValidationResult.Invalid(ValidationErrors.outputsFailed(failures), built);
        }
        return new ValidationResult.Valid(good, built);
    }

    private static ValidationResult invalid(ErrorInfo error) {
        return new ValidationResult.Invalid(error, Map.of());
    }

    private static final class NodeErrorsBuilder {
        final List<ErrorInfo> errors;
        final String classType;
        final List<String> dependentOutputs = new ArrayList<>();

        NodeErrorsBuilder(List<ErrorInfo> errors, String classType) {
            this.errors = errors;
            this.classType = classType;
        }
    }
}
