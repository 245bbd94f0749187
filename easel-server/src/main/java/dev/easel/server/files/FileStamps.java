package dev.easel.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A file's times as Python's {@code os.path.getmtime} and {@code getctime} give them: seconds
 * as a float. On Unix the "c" time is the inode's change time, as there; elsewhere its creation.
 */
public final class FileStamps {
    private FileStamps() {
    }

    public static double modified(Path file) throws IOException {
        return seconds(Files.getLastModifiedTime(file));
    }

    public static double changed(Path file) throws IOException {
        try {
            return seconds((FileTime) Files.getAttribute(file, "unix:ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return seconds(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).creationTime());
        }
    }

    /** CPython's own sum, so the float is the same one a ComfyUI server would print. */
    private static double seconds(FileTime time) {
        java.time.Instant instant = time.toInstant();
        return instant.getEpochSecond() + instant.getNano() * 1e-9;
    }
}
