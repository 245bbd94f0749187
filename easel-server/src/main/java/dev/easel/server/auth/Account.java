package dev.easel.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One user of {@code --auth}: name, role, when it was added, and the SHA-256 of its token (never
 * the token). The name is also the user's folder under the user directory, so it follows the
 * rule of ComfyUI's user ids: letters, digits, {@code -} and {@code _}, not starting with
 * {@code __} (ComfyUI's system users); at most 64 characters.
 */
public record Account(String name, Identity.Role role, Instant created, String tokenDigest) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Account {
        checkName(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code name} */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '-' or '_', was '" + name + "'");
        }
        if (name.startsWith("__")) {
            throw new IllegalArgumentException("a user name must not start with '__' (reserved for the server), was '" + name + "'");
        }
    }

    public Identity identity() {
        return new Identity(name, role);
    }
}
