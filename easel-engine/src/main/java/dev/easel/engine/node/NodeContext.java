package dev.easel.engine.node;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.GraphBuilder;

import java.util.Map;
import java.util.Optional;

/** What a running node may touch. One context per node call; safe to use from any thread. */
public interface NodeContext {

    String promptId();

    /** The executing node's id (an expansion id like {@code "5.0.0.3"} for ephemeral nodes). */
    String uniqueId();

    /** The id the client should highlight. */
    String displayId();

    /** The node that expanded this one, if any. */
    Optional<String> parentId();

    /** The client's node this one descends from. */
    String realNodeId();

    /** Reports progress; throws {@link ExecutionInterruptedException} if the run was interrupted. */
    default void progress(Number value, Number max) {
        progress(value, max, Optional.empty());
    }

    void progress(Number value, Number max, Optional<Preview> preview);

    /** Sends a line of progress text for this node (binary frame type 3). */
    void progressText(String text);

    /** Throws {@link ExecutionInterruptedException} if the run was interrupted. */
    void checkInterrupted();

    boolean isInterrupted();

    /** A builder for an expansion graph, with ids prefixed for this call. */
    GraphBuilder newGraph();

    DynamicPrompt dynamicPrompt();

    /**
     * The prompt's {@code extra_data} as the client sent it (e.g. {@code preview_method}), empty
     * when it had none. Read-only.
     */
    default Map<String, Object> extraData() {
        return Map.of();
    }

    /** The folders this job saves to and loads from: its user's own with authentication, else the server's. */
    FileSpace files();
}
