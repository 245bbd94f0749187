package dev.easel.engine.files;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The folders one job saves to and loads from ({@code output}, {@code input}, {@code temp}),
 * and whose they are. The shared space ({@code owner} empty) is the server's own folders, what
 * every job uses while authentication is off; {@link #of} gives a user their own folders inside
 * it, so that nothing one user names can reach another's files. Nodes get the space of the job
 * they run for from their context, never from the server's configuration.
 */
public record FileSpace(String owner, Path output, Path input, Path temp) {
    /** A user's name as a folder: one plain path segment. */
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public FileSpace {
        if (!owner.isEmpty() && !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a file space owner: " + owner);
        }
        output = output.toAbsolutePath().normalize();
        input = input.toAbsolutePath().normalize();
        temp = temp.toAbsolutePath().normalize();
    }

    /** The server's own folders. */
    public static FileSpace shared(Path output, Path input, Path temp) {
        return new FileSpace("", output, input, temp);
    }

    /** ComfyUI's layout under one base folder: {@code base/output}, {@code base/input}, {@code base/temp}. */
    public static FileSpace under(Path base) {
        return shared(base.resolve("output"), base.resolve("input"), base.resolve("temp"));
    }

    public boolean isShared() {
        return owner.isEmpty();
    }

    /** {@code user}'s own folders: a folder named after them in each of this shared space's folders. */
    public FileSpace of(String user) {
        if (!isShared()) throw new IllegalStateException("the file space of " + owner + " has no users of its own");
        if (user.isEmpty()) throw new IllegalArgumentException("a user's file space needs the user's name");
        return new FileSpace(user, output.resolve(user), input.resolve(user), temp.resolve(user));
    }

    /** The folder for a ComfyUI {@code type} value; empty for anything but output, input and temp. */
    public Optional<Path> root(String type) {
        return Optional.ofNullable(switch (type) {
            case "output" -> output;
            case "input" -> input;
            case "temp" -> temp;
            default -> null;
        });
    }
}
