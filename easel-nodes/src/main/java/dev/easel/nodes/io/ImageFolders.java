package dev.easel.nodes.io;

import dev.easel.engine.files.ContainedPath;
import dev.easel.engine.node.PackEnvironment;

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
 * The folders image loaders read from. Names are ComfyUI's: relative to the input folder, or
 * annotated {@code "name [output]"}, {@code "name [input]"}, {@code "name [temp]"} to pick
 * another base. A name that leaves its base folder, lexically or through a link, resolves to nothing.
 */
final class ImageFolders {
    /** Extensions Python's mimetypes maps to {@code image/*}. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "jpe", "gif", "bmp", "webp", "tif", "tiff", "ico", "avif", "heic", "heif", "svg", "jxl");

    private final PackEnvironment env;

    ImageFolders(PackEnvironment env) {
        this.env = env;
    }

    /** Image files directly in the input folder, sorted by name; empty if the folder is missing. */
    List<Object> inputImages() {
        Path dir = env.inputDir();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(ImageFolders::isImageName)
                    .sorted()
                    .map(name -> (Object) name)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the input folder", e);
        }
    }

    Optional<Path> resolve(String annotated) {
        Path base = env.inputDir();
        String name = annotated;
        if (name.endsWith("[output]")) {
            base = env.outputDir();
            name = trimSuffix(name, 9);
        } else if (name.endsWith("[input]")) {
            name = trimSuffix(name, 8);
        } else if (name.endsWith("[temp]")) {
            base = env.tempDir();
            name = trimSuffix(name, 7);
        }
        if (name.isEmpty()) return Optional.empty();
        Path root = base.toAbsolutePath().normalize();
        return ContainedPath.resolve(root, name).filter(file -> !file.equals(root));
    }

    /** Whether the name resolves to an existing regular file. */
    boolean exists(String annotated) {
        return resolve(annotated).filter(Files::isRegularFile).isPresent();
    }

    Path require(String annotated) {
        return resolve(annotated).filter(Files::isRegularFile)
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
