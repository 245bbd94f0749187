package dev.easel.server.files;

import dev.easel.engine.files.ContainedPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Where an upload lands: the requested name, or, when that exists with different content,
 * {@code "name (1).ext"}, {@code "name (2).ext"}, … An identical existing file is reused.
 */
public final class UploadWriter {

    private UploadWriter() {
    }

    /** Where an upload went; {@code written} is false when an identical file already held it. */
    public record Saved(String name, boolean written) {}

    /** Writes {@code content} under its name or the next free variant, unless an identical file holds it. */
    public static Saved save(Path dir, String filename, byte[] content, boolean overwrite) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(filename);
        if (!overwrite) {
            String stem = stem(filename);
            String ext = filename.substring(stem.length());
            byte[] hash = null;
            for (int i = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
                if (hash == null) hash = sha256(new java.io.ByteArrayInputStream(content));
                if (Arrays.equals(sha256(Files.newInputStream(target)), hash)) {
                    return new Saved(target.getFileName().toString(), false);
                }
                target = dir.resolve(stem + " (" + i + ")" + ext);
            }
        }
        ContainedPath.write(target, content);
        return new Saved(target.getFileName().toString(), true);
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 ? filename : filename.substring(0, dot);
    }

    private static byte[] sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) digest.update(buffer, 0, n);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
