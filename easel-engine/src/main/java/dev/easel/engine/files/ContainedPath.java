package dev.easel.engine.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one containment rule for every file a client names (uploads, {@code /view}, saves,
 * masks, loaders): the name is resolved under its root and refused if it leaves it, lexically
 * or through a symbolic link. Every link on the way is followed to its real path, which must
 * stay under the root's real path; a dangling link is refused, since what it would create
 * cannot be known. Nothing is created while checking, and reads and writes get the same answer.
 * Writes then open the file without following a link ({@link #write}).
 */
public final class ContainedPath {
    private ContainedPath() {
    }

    /** {@code root/relative} when it stays inside {@code root}; empty otherwise (and for NUL or bad names). */
    public static Optional<Path> resolve(Path root, String relative) {
        if (relative.indexOf('\0') >= 0) return Optional.empty();
        Path base = root.toAbsolutePath().normalize();
        Path candidate;
        try {
            candidate = base.resolve(relative).normalize();
        } catch (InvalidPathException badName) {
            return Optional.empty();
        }
        if (!candidate.startsWith(base)) return Optional.empty();
        return staysInside(base, candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static boolean staysInside(Path base, Path candidate) {
        Path realBase;
        try {
            realBase = Files.exists(base) ? base.toRealPath() : base;
        } catch (IOException unreadable) {
            return false;
        }
        Path at = base;
        for (Path part : base.relativize(candidate)) {
            if (part.toString().isEmpty()) continue;
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                if (!Files.exists(at)) return false;
                try {
                    if (!at.toRealPath().startsWith(realBase)) return false;
                } catch (IOException unreadable) {
                    return false;
                }
            } else if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return true;
    }

    /**
     * Writes {@code content} to a file already checked by {@link #resolve}, never through a
     * link: a link put in its place after the check makes the write fail instead of escaping.
     */
    public static void write(Path file, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            out.write(content);
        }
    }
}
