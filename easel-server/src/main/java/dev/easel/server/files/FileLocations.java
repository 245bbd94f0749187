package dev.easel.server.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The three file roots ({@code output}, {@code input}, {@code temp}) and the containment rule
 * every file route applies: a path is accepted only if, after normalising and resolving
 * symbolic links as far as they exist, it stays inside its root.
 */
public final class FileLocations {
    private final Path output;
    private final Path input;
    private final Path temp;

    public FileLocations(Path output, Path input, Path temp) {
        this.output = output.toAbsolutePath().normalize();
        this.input = input.toAbsolutePath().normalize();
        this.temp = temp.toAbsolutePath().normalize();
    }

    /** The root for a {@code type} value, empty for anything but output, input and temp. */
    public Optional<Path> root(String type) {
        return Optional.ofNullable(switch (type) {
            case "output" -> output;
            case "input" -> input;
            case "temp" -> temp;
            default -> null;
        });
    }

    public Path input() {
        return input;
    }

    public Path output() {
        return output;
    }

    /** {@code root/relative}, or empty if that escapes {@code root}. */
    public static Optional<Path> within(Path root, String relative) {
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root)) return Optional.empty();
        Path real = realPrefix(candidate);
        Path realRoot = realPrefix(root);
        return real.startsWith(realRoot) ? Optional.of(candidate) : Optional.empty();
    }

    /** The real path of the longest existing prefix, with the missing rest appended. */
    private static Path realPrefix(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return path;
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
