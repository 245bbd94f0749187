package dev.easel.server.store;

/** The job store cannot be opened (unreadable, corrupt, newer, or in use); the server must not start. */
public final class JobStoreUnavailable extends RuntimeException {

    public JobStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public JobStoreUnavailable(String message) {
        super(message);
    }
}
