package dev.easel.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.event.ExecutionEvent;

import java.util.Optional;

/**
 * What happens to a job, as its publishers report it. Each record carries the ids that routing
 * needs, so nothing downstream keeps a "current job" of its own; those that change the queue
 * carry its new length.
 */
public sealed interface JobEvent {

    /** A prompt was queued. */
    record Accepted(String promptId, Optional<String> clientId, QueueCount queue) implements JobEvent {
    }

    /** Jobs left the queue unrun (deleted, cleared, cancelled). */
    record QueueChanged(QueueCount queue) implements JobEvent {
    }

    /** The worker took the job of {@code user}; its run's events follow, then {@link Finished}. */
    record Started(String promptId, Optional<String> clientId, String user, JsonNode prompt, QueueCount queue) implements JobEvent {
    }

    /** One event of a running job, in the order the engine emitted it. */
    record Execution(ExecutionEvent event) implements JobEvent {
    }

    /** The job is stored in history and its terminal event was published. */
    record Finished(String promptId, Optional<String> clientId, QueueCount queue) implements JobEvent {
    }
}
