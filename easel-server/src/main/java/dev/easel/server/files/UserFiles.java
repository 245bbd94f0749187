package dev.easel.server.files;

import dev.easel.engine.files.FileSpace;
import dev.easel.server.auth.Identity;
import dev.easel.server.http.HttpError;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whose files a request or a job reaches. While authentication is off, everyone's are the
 * server's own folders, as in ComfyUI. With {@code --auth} each user has their own
 * {@code output/NAME}, {@code input/NAME} and {@code temp/NAME}, and every route and every job
 * of theirs is confined to them; an admin reaches another user's with {@code user=NAME}.
 */
public final class UserFiles {
    private static final Logger LOG = LoggerFactory.getLogger(UserFiles.class);
    /** The query parameter with which an admin names whose files a request is about. */
    public static final String USER_PARAMETER = "user";

    private final FileSpace shared;
    private final boolean perUser;

    public UserFiles(FileSpace shared, boolean perUser) {
        if (!shared.isShared()) throw new IllegalArgumentException("the server's folders are a shared file space");
        this.shared = shared;
        this.perUser = perUser;
    }

    /** The server's own folders (the parent of every user's). */
    public FileSpace shared() {
        return shared;
    }

    /** The files of a job queued by {@code owner}. */
    public FileSpace ofOwner(String owner) {
        return perUser ? shared.of(owner) : shared;
    }

    /**
     * The files a request is about: its caller's own, or with {@code user=NAME} that user's
     * (only an admin may name another user: anyone else gets 403).
     */
    public FileSpace of(Context ctx) {
        if (!perUser) return shared;
        Identity caller = Identity.of(ctx);
        String named = ctx.queryParam(USER_PARAMETER);
        if (named == null || named.equals(caller.user())) return shared.of(caller.user());
        if (!caller.isAdmin()) {
            LOG.info("{} {} refused: {} asked for the files of another user", ctx.method(), ctx.path(), caller.user());
            throw HttpError.message(403, "only an admin may reach another user's files");
        }
        try {
            return shared.of(named);
        } catch (IllegalArgumentException notAName) {
            throw HttpError.badRequest("not a user name: " + USER_PARAMETER);
        }
    }
}
