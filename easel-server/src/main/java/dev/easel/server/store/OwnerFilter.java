package dev.easel.server.store;

import dev.easel.server.auth.Identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose jobs a store query covers: everyone's, or those one user queued. Every query and
 * mutation of the queue and history takes one, so a route cannot forget to ask who is calling.
 */
public record OwnerFilter(Optional<String> user) {
    public static final OwnerFilter ALL = new OwnerFilter(Optional.empty());

    public OwnerFilter {
        Objects.requireNonNull(user, "user");
    }

    public static OwnerFilter only(String user) {
        return new OwnerFilter(Optional.of(user));
    }

    /** What a caller may see: everything for an admin (and for everyone while authentication is off), else their own. */
    public static OwnerFilter visibleTo(Identity identity) {
        return identity.isAdmin() ? ALL : only(identity.user());
    }

    public boolean admits(String owner) {
        return user.map(owner::equals).orElse(true);
    }

    public boolean admits(QueueItem item) {
        return admits(item.user());
    }
}
