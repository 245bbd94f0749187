package dev.easel.server.files;

import dev.easel.engine.files.FileSpace;
import dev.easel.server.auth.Identity;
import io.javalin.http.Context;

/**
 * Whose files a request or a job reaches. While authentication is off, everyone's are the
 * server's own folders, as in ComfyUI. With {@code --auth} each user has their own
 * {@code output/NAME}, {@code input/NAME} and {@code temp/NAME}, and every route and every job
 * of theirs is confined to them; an admin reaches another user's with {@code user=NAME}.
 */
public final class UserFiles {

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

    /** The files a request is about: its caller's, or those of the user an admin names ({@link Identity#subject}). */
    public FileSpace of(Context ctx) {
        return perUser ? shared.of(Identity.subject(ctx)) : shared;
    }
}
