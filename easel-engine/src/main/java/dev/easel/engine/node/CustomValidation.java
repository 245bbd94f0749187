package dev.easel.engine.node;

import dev.easel.engine.files.FileSpace;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node's own input validation (ComfyUI's {@code VALIDATE_INPUTS}), with the three behaviours
 * its signature selects in ComfyUI:
 * <ul>
 *   <li>{@code inputs} — the inputs it takes; built-in min/max and combo checks are skipped for
 *       those (linked ones are passed as null);</li>
 *   <li>{@code wantsInputTypes} — it receives the linked output types, and the built-in link
 *       type check is skipped;</li>
 *   <li>{@code allInputs} — it takes every input ({@code **kwargs}): no built-in min/max or
 *       combo check at all.</li>
 * </ul>
 * The check returns empty when valid, else the reason. It may block (it runs on a virtual thread).
 */
public record CustomValidation(Set<String> inputs, boolean wantsInputTypes, boolean allInputs, Check check) {

    public CustomValidation {
        inputs = Set.copyOf(inputs);
    }

    @FunctionalInterface
    public interface Check {
        /**
         * @param values     constant values of the inputs it takes (linked inputs map to null)
         * @param inputTypes received link types by input name (only when {@code wantsInputTypes})
         * @param files      the folders the prompt would run in
         */
        Optional<String> validate(Inputs values, Map<String, String> inputTypes, FileSpace files) throws Exception;
    }

    public boolean takes(String input) {
        return allInputs || inputs.contains(input);
    }
}
