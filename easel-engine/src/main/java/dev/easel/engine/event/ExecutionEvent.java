package dev.easel.engine.event;

import dev.easel.engine.node.Preview;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the engine reports about a run, in the order it happens. Each event names its
 * prompt; routing to clients is the server's business. Records are plain data so they can be
 * serialised and carried to another process.
 */
public sealed interface ExecutionEvent {

    String promptId();

    record ExecutionStart(String promptId, long timestamp) implements ExecutionEvent {}

    record ExecutionCached(String promptId, List<String> nodes, long timestamp) implements ExecutionEvent {}

    /** A node starts running (again, after a lazy or expansion pass). */
    record Executing(String promptId, String nodeId, String displayNodeId) implements ExecutionEvent {}

    record Progress(String promptId, String nodeId, Number value, Number max) implements ExecutionEvent {}

    /** The state of every node seen so far in this run, keyed by node id. */
    record ProgressState(String promptId, Map<String, NodeProgress> nodes) implements ExecutionEvent {}

    record PreviewImage(String promptId, String nodeId, String displayNodeId, Optional<String> parentNodeId,
                        String realNodeId, Preview preview) implements ExecutionEvent {}

    record ProgressText(String promptId, String nodeId, String text) implements ExecutionEvent {}

    /** A node produced UI output; {@code output} is empty for a cached node without UI. */
    record Executed(String promptId, String nodeId, String displayNodeId,
                    Optional<Map<String, List<Object>>> output) implements ExecutionEvent {}

    record ExecutionSuccess(String promptId, long timestamp) implements ExecutionEvent {}

    /**
     * A failure. {@code currentInputs} holds the values as ComfyUI formats them (null, numbers,
     * booleans and strings as they are, anything else as its text); empty means the wire value
     * {@code []} (cycles, blockers);
     * blocker errors carry no timestamp, are not terminal and are not kept in history.
     */
    record ExecutionError(String promptId, String nodeId, String nodeType, List<String> executed,
                          String exceptionMessage, String exceptionType, List<String> traceback,
                          Optional<Map<String, List<Object>>> currentInputs, List<String> currentOutputs,
                          OptionalLong timestamp) implements ExecutionEvent {
        public boolean isBlocker() {
            return timestamp.isEmpty();
        }
    }

    record ExecutionInterrupted(String promptId, String nodeId, String nodeType, List<String> executed,
                                long timestamp) implements ExecutionEvent {}

    /** Whether this event ends the run (exactly one per run). */
    default boolean isTerminal() {
        return this instanceof ExecutionSuccess || this instanceof ExecutionInterrupted
                || (this instanceof ExecutionError e && !e.isBlocker());
    }
}
