package dev.easel.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders Easel reads and writes, laid out as ComfyUI does: everything under one base
 * directory unless a flag moves a folder elsewhere. All paths are absolute.
 */
public record Folders(Path base, Path output, Path input, Path temp, Path user, Path models, Path customNodes) {

    /**
     * Resolves the flags: a missing folder defaults to its name under {@code base} (default: the
     * working directory). {@code temp} names the folder's parent, as ComfyUI's
     * {@code --temp-directory} does: the temp folder is {@code <temp>/temp}, which start-up empties.
     */
    public static Folders resolve(Optional<Path> base, Optional<Path> output, Optional<Path> input,
                                  Optional<Path> temp, Optional<Path> user, Optional<Path> models) {
        Path root = absolute(base.orElse(Path.of("")));
        return new Folders(root,
                output.map(Folders::absolute).orElse(root.resolve("output")),
                input.map(Folders::absolute).orElse(root.resolve("input")),
                temp.map(Folders::absolute).orElse(root).resolve("temp"),
                user.map(Folders::absolute).orElse(root.resolve("user")),
                models.map(Folders::absolute).orElse(root.resolve("models")),
                root.resolve("custom_nodes"));
    }

    public static Folders under(Path base) {
        return resolve(Optional.of(base), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Creates the folders a run writes to and the model folders, as ComfyUI does at start-up. */
    public void create() {
        List<Path> dirs = new ArrayList<>(List.of(output, input, temp, user));
        ModelFolders.defaultSubfolders().forEach(sub -> dirs.add(models.resolve(sub)));
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder " + dir, e);
            }
        }
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
