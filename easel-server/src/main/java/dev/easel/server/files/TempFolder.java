package dev.easel.server.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Empties {@code temp/} at start-up, as ComfyUI does: previews are for the session that made
 * them, and what a previous run left must not add up across restarts. Nothing outside the
 * folder is touched: links inside it are removed, never followed, and a temp folder that is
 * itself a link is left as it is (ComfyUI's emptying refuses a link too), with a warning.
 */
public final class TempFolder {
    private static final Logger LOG = LoggerFactory.getLogger(TempFolder.class);

    private TempFolder() {
    }

    /** Removes everything inside {@code folder}, keeping the folder; returns how many entries went. */
    public static int empty(Path folder) {
        if (Files.isSymbolicLink(folder)) {
            LOG.warn("the temp folder {} is a link; it is not emptied, so files left there by earlier runs stay", folder);
            return 0;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return 0;
        int[] removed = {0};
        try {
            // walkFileTree does not follow links: a link to a folder is visited as a file and unlinked
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (Files.deleteIfExists(file)) removed[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    LOG.warn("could not remove {} from the temp folder: {}", file, failure.toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (!dir.equals(folder) && Files.deleteIfExists(dir)) removed[0]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not empty the temp folder {}: {}", folder, e.toString());
        }
        if (removed[0] > 0) LOG.info("emptied the temp folder {} ({} entries left by an earlier run)", folder, removed[0]);
        return removed[0];
    }
}
