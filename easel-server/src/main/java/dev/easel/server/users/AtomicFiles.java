package dev.easel.server.users;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes that readers never see half done: the bytes go to a hidden temporary file beside the
 * target, which is then renamed over it. A rename replaces a link at the target instead of
 * writing through it, and a failed write leaves the old file as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, new FileAttribute<?>[0]);
    }

    /** The same, the file readable and writable by its owner only where the file system has POSIX permissions. */
    public static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        write(target, content, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0]);
    }

    private static void write(Path target, byte[] content, FileAttribute<?>[] attributes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".easel-", ".tmp", attributes);
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(content);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code source} to {@code target}, replacing what is there, atomically where the file system can. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException acrossFileSystems) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
