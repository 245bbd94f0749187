package dev.easel.models.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The identity of a model on disk: its real path (links resolved), its size and its modification
 * time, and what it was loaded as ({@code kind}: the same file may be a checkpoint and a VAE). A
 * file changed on disk gets a new key, so the cache never serves a stale model. For a folder (a
 * diffusers export) size and time are the sum and the latest of the files in it.
 */
public record ModelKey(Path realPath, long size, long modifiedMillis, String kind) {

    public static ModelKey of(Path path, String kind) throws IOException {
        Path real = path.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        if (!attributes.isDirectory()) {
            return new ModelKey(real, attributes.size(), attributes.lastModifiedTime().toMillis(), kind);
        }
        long size = 0, modified = attributes.lastModifiedTime().toMillis();
        try (Stream<Path> files = Files.walk(real)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) size += a.size();
                modified = Math.max(modified, a.lastModifiedTime().toMillis());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ModelKey(real, size, modified, kind);
    }

    /** The same file loaded as something more: {@code kind} followed by {@code variant} (a part, the LoRAs merged in). */
    public ModelKey variant(String variant) {
        return new ModelKey(realPath, size, modifiedMillis, kind + " " + variant);
    }

    /** The same model, perhaps in another version on disk. */
    boolean sameModelAs(ModelKey other) {
        return realPath.equals(other.realPath) && kind.equals(other.kind);
    }
}
