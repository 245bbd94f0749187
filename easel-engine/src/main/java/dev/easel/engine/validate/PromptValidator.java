package dev.easel.engine.validate;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;

import java.util.ArrayList;
import java.util.HashSet;
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
    /** How many failing nodes, outputs per node and failure lines an error answer lists by default. */
    public static final int DEFAULT_MAX_REPORTED = 100;

    private final NodeRegistry registry;
    private final int maxReported;

    public PromptValidator(NodeRegistry registry) {
        this(registry, DEFAULT_MAX_REPORTED);
    }

    /**
     * @param maxReported the most {@code node_errors} entries, {@code dependent_outputs} per entry
     *                    and failure lines in {@code details} an answer carries; the verdict
     *                    itself is always complete, so only the report is shortened
     */
    public PromptValidator(NodeRegistry registry, int maxReported) {
        if (maxReported < 1) throw new IllegalArgumentException("maxReported must be at least 1");
        this.registry = registry;
        this.maxReported = maxReported;
    }

    /**
     * @param partialTargets {@code partial_execution_targets}: when present only these output
     *                       nodes are validated and run
     * @param files          the folders the prompt would run in: the files its loaders name are
     *                       looked up there
     */
    public ValidationResult validate(Prompt prompt, Optional<List<String>> partialTargets, FileSpace files) {
        Optional<Set<String>> targets = partialTargets.map(HashSet::new);
        Set<String> outputs = new LinkedHashSet<>();
        for (PromptNode node : prompt.nodes().values()) {
            if (node.classType().isEmpty()) {
                return invalid(ValidationErrors.missingClassType(node.id(), node.title().orElse(null)));
            }
            Optional<NodeDefinition> definition = registry.find(node.classType());
            if (definition.isEmpty()) {
                return invalid(ValidationErrors.unknownClassType(node.id(), node.classType(), node.title().orElse(null)));
            }
            boolean targeted = targets.map(t -> t.contains(node.id())).orElse(true);
            if (definition.get().schema().outputNode() && targeted) {
                outputs.add(node.id());
            }
        }
        if (outputs.isEmpty()) {
            return invalid(ValidationErrors.noOutputs());
        }

        NodeValidation nodes = new NodeValidation(prompt, registry, files);
        List<String> good = new ArrayList<>();
        List<ErrorInfo> failures = new ArrayList<>();
        int failureCount = 0;
        List<String> failedOutputs = new ArrayList<>();
        // ComfyUI appends each failing output to every failing node recorded so far, so a node's
        // dependent_outputs are the failing outputs from the one where it first failed on: kept
        // as that index, which makes this linear where the literal reading is quadratic.
        Map<String, Integer> firstFailure = new LinkedHashMap<>();
        int scanned = 0;
        for (String output : outputs) {
            NodeValidation.Verdict verdict = nodes.validateOutput(output);
            if (verdict.valid()) {
                good.add(output);
                continue;
            }
            failureCount += verdict.errors().size();
            for (ErrorInfo e : verdict.errors()) if (failures.size() < maxReported) failures.add(e);
            List<String> order = nodes.verdictOrder();
            for (; scanned < order.size(); scanned++) {
                String nodeId = order.get(scanned);
                NodeValidation.Verdict v = nodes.verdicts().get(nodeId);
                if (!v.valid() && !v.errors().isEmpty()) firstFailure.putIfAbsent(nodeId, failedOutputs.size());
            }
            failedOutputs.add(output);
        }
        Map<String, NodeErrors> built = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : firstFailure.entrySet()) {
            if (built.size() == maxReported) break;
            String id = entry.getKey();
            int from = entry.getValue();
            List<String> dependents = failedOutputs.subList(from, Math.min(failedOutputs.size(), from + maxReported));
            built.put(id, new NodeErrors(nodes.verdicts().get(id).errors(), dependents, prompt.nodes().get(id).classType()));
        }
        if (good.isEmpty()) {
            return new ValidationResult.Invalid(ValidationErrors.outputsFailed(failures, failureCount - failures.size()), built);
        }
        return new ValidationResult.Valid(good, built);
    }

    private static ValidationResult invalid(ErrorInfo error) {
        return new ValidationResult.Invalid(error, Map.of());
    }
}
