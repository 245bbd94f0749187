package dev.easel.server;

import dev.easel.server.auth.GuessLimit;

/**
 * Who a request is and whether it must prove it.
 *
 * @param multiUser {@code --multi-user}: the {@code comfy-user} header picks the user among those of
 *                  {@code users.json}; otherwise every request is the user {@code default}
 * @param auth      {@code --auth}: every request needs the API token of a user of {@code <user dir>/auth.json}
 * @param guessing  with {@code --auth}, how many wrong tokens one address may present ({@code --auth-max-failures})
 */
public record Access(boolean multiUser, boolean auth, GuessLimit guessing) {

    /** One user, {@code default}, and no tokens asked for. */
    public static Access defaults() {
        return new Access(false, false, GuessLimit.defaults());
    }

    public Access withMultiUser(boolean newMultiUser) {
        return new Access(newMultiUser, auth, guessing);
    }

    public Access withAuth(boolean newAuth) {
        return new Access(multiUser, newAuth, guessing);
    }

    public Access withGuessing(GuessLimit newGuessing) {
        return new Access(multiUser, auth, newGuessing);
    }
}
