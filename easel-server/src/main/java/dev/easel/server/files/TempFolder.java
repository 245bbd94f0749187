package dev.easel.server.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Empties {@code temp/} at start-up, as ComfyUI does: previews are for the session that made
 * them, and what a previous run left must not add up across restarts. Links are removed, never
 * followed, so nothing outside the folder is touched.
 */
public final class TempFolder {
    private static final Logger LOG = LoggerFactory.getLogger(TempFolder.class);

    private TempFolder() {
    }

    public static void empty(Path folder) {
        if (!Files.isDirectory(folder)) return;
        try {
            // a temp folder that is itself a link is emptied where it points, not unlinked
            Path dir = folder.toRealPath();
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                    if (!folder.equals(dir)) Files.deleteIfExists(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not empty the temp folder {}: {}", folder, e.toString());
        }
    }
}
