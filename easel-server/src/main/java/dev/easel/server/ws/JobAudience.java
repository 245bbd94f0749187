package dev.easel.server.ws;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may hear one job's messages: the socket of the client that queued it, the sockets watching
 * it, and, for what ComfyUI broadcasts, every socket whose user sees the job's {@code owner}.
 * A socket whose user does not see the owner never receives any of them.
 */
public record JobAudience(String promptId, Optional<String> clientId, String owner) {

    public JobAudience {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(owner, "owner");
    }

    /** How far one message goes. */
    public enum Reach {
        /** The job's client and its watchers; nobody when it has neither. */
        CLIENT,
        /** The same, but every socket that sees the owner when the job has no client (ComfyUI's fallback to a broadcast). */
        CLIENT_ELSE_ALL,
        /** Every socket that sees the owner, and the watchers. */
        ALL
    }
}
