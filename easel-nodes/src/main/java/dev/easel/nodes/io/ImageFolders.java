package dev.easel.nodes.io;

import dev.easel.engine.files.ContainedPath;
import dev.easel.engine.files.FileSpace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How image loaders find files in a job's {@link FileSpace}. Names are ComfyUI's: relative to
 * the input folder, or annotated {@code "name [output]"}, {@code "name [input]"},
 * {@code "name [temp]"} to pick another base. A name that leaves its base folder, lexically or
 * through a link, resolves to nothing.
 */
final class ImageFolders {
    /** Extensions Python's mimetypes maps to {@code image/*}. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "jpe", "gif", "bmp", "webp", "tif", "tiff", "ico", "avif", "heic", "heif", "svg", "jxl");

    private ImageFolders() {
    }

    /** Image files directly in the input folder, sorted by name; empty if the folder is missing. */
    static List<Object> inputImages(FileSpace files) {
        Path dir = files.input();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(ImageFolders::isImageName)
                    .sorted()
                    .map(name -> (Object) name)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the input folder", e);
        }
    }

    static Optional<Path> resolve(FileSpace files, String annotated) {
        Path base = files.input();
        String name = annotated;
        if (name.endsWith("[output]")) {
            base = files.output();
            name = trimSuffix(name, 9);
        } else if (name.endsWith("[input]")) {
            name = trimSuffix(name, 8);
        } else if (name.endsWith("[temp]")) {
            base = files.temp();
            name = trimSuffix(name, 7);
        }
        if (name.isEmpty()) return Optional.empty();
        Path root = base.toAbsolutePath().normalize();
        return ContainedPath.resolve(root, name).filter(file -> !file.equals(root));
    }

    /** Whether the name resolves to an existing regular file. */
    static boolean exists(FileSpace files, String annotated) {
        return resolve(files, annotated).filter(Files::isRegularFile).isPresent();
    }

    static Path require(FileSpace files, String annotated) {
        return resolve(files, annotated).filter(Files::isRegularFile)
                .orElseThrow(() -> new IllegalArgumentException("Invalid image file: " + annotated));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String trimSuffix(String name, int count) {
        return name.length() >= count ? name.substring(0, name.length() - count) : "";
    }

    private static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
