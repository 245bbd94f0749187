package dev.easel.server.auth;

/** The accounts file cannot be used (unreadable, corrupt, or no users while {@code --auth} needs one): the reason, in one line. */
public final class AccountsUnusable extends IllegalStateException {
    public AccountsUnusable(String reason, Throwable cause) {
        super(reason, cause);
    }

    public AccountsUnusable(String reason) {
        super(reason);
    }
}
