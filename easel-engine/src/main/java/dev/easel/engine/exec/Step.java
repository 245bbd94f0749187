package dev.easel.engine.exec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one attempt at a staged node came to (ComfyUI's SUCCESS / PENDING / FAILURE). */
sealed interface Step {

    record Success() implements Step {}

    /** The node goes back to the list: it waits for lazy inputs, its expansion or async calls. */
    record Pending() implements Step {}

    /** The run stops. {@code nodeId} is the client's node to blame. */
    record Failure(String nodeId, Optional<Problem> problem) implements Step {
        boolean interrupted() {
            return problem.isEmpty();
        }
    }

    /** An error's wire details; {@code currentInputs} empty means {@code []}. */
    record Problem(String message, String type, List<String> traceback, Optional<Map<String, List<Object>>> currentInputs) {}

    Step SUCCESS = new Success();
    Step PENDING = new Pending();
}
