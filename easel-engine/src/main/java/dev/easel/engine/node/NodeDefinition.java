package dev.easel.engine.node;

import dev.easel.engine.files.FileSpace;

import java.util.List;
import java.util.Optional;

/**
 * A node type: its schema plus its behaviour. Implementations are stateless or thread-safe;
 * one instance serves every prompt.
 */
public interface NodeDefinition {

    NodeSchema schema();

    /**
     * Runs one call. For list-mapped nodes the engine calls this once per index; for
     * {@code inputIsList} nodes once with whole lists.
     */
    NodeResult execute(NodeContext ctx, Inputs inputs) throws Exception;

    /**
     * Names of lazy inputs this call still needs. Unevaluated lazy inputs are present with a
     * null value (Python's None). An empty list means the node can run.
     */
    default List<String> checkLazyStatus(NodeContext ctx, Inputs inputs) throws Exception {
        return List.of();
    }

    /**
     * ComfyUI's IS_CHANGED: called before the run with constant inputs only (linked inputs are
     * present with a null value). Part of the cache key; {@code Double.NaN} means "always re-run".
     */
    default Object fingerprint(Inputs constants) throws Exception {
        return Boolean.FALSE;
    }

    /**
     * The fingerprint of a node that reads files, taken in the job's {@code files} (LoadImage
     * hashes the file the job would load); the others need only {@link #fingerprint(Inputs)}.
     */
    default Object fingerprint(Inputs constants, FileSpace files) throws Exception {
        return fingerprint(constants);
    }

    /** Whether {@link #fingerprint} is defined (nodes without it contribute {@code false}). */
    default boolean hasFingerprint() {
        return false;
    }

    default Optional<CustomValidation> customValidation() {
        return Optional.empty();
    }
}
