package dev.easel.server.files;

import dev.easel.engine.files.ContainedPath;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The three file roots ({@code output}, {@code input}, {@code temp}) and the containment rule
 * every file route applies, the same one the nodes save and load by ({@link ContainedPath}).
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

    /** {@code root/relative}, or empty if that escapes {@code root} (see {@link ContainedPath}). */
    public static Optional<Path> within(Path root, String relative) {
        return ContainedPath.resolve(root, relative);
    }
}
