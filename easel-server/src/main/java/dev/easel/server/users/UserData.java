package dev.easel.server.users;

import dev.easel.engine.files.ContainedPath;
import dev.easel.server.files.FileStamps;
import dev.easel.server.http.PercentDecoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each user's files under {@code <user dir>/<user id>/}: the store behind {@code /userdata},
 * {@code /v2/userdata} and the settings. Every name a client sends is resolved under the user's
 * own directory by {@link ContainedPath}'s rule, after ComfyUI's second decoding of names that
 * still hold a {@code %} (clients encode a slash inside one path segment as {@code %2F}).
 */
public final class UserData {
    private final Path root;

    public UserData(Path userDir) {
        this.root = userDir.toAbsolutePath().normalize();
    }

    /** A file's size and times, the times in milliseconds as {@code full_info} reports them. */
    public record FileInfo(String path, long size, long modifiedMillis, long createdMillis) {}

    /** One entry of {@code /v2/userdata}: a directory, or a file with its size and float mtime when readable. */
    public record Entry(String name, String path, boolean directory, Optional<Long> size, Optional<Double> modified) {}

    /** The user's own directory; empty for an id that would leave the user directory. */
    public Optional<Path> home(String user) {
        return ContainedPath.resolve(root, user).filter(home -> !home.equals(root));
    }

    /** {@code name} under the user's directory, or empty when it would leave it. */
    public Optional<Path> resolve(String user, String name) {
        String decoded = name.indexOf('%') >= 0 ? PercentDecoding.unquote(name) : name;
        return home(user).flatMap(home -> ContainedPath.resolve(home, decoded));
    }

    /** {@code file} relative to {@code base}, with forward slashes. */
    public static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * The files in {@code dir} (and below it with {@code recurse}), sorted, skipping hidden
     * names as a shell glob does; links are neither followed nor listed.
     */
    public List<Path> files(Path dir, boolean recurse) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, recurse ? Integer.MAX_VALUE : 1)) {
            return walk.filter(p -> !p.equals(dir) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> notHidden(dir, p)).sorted().toList();
        }
    }

    private static boolean notHidden(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            if (part.toString().startsWith(".")) return false;
        }
        return true;
    }

    public static FileInfo info(Path base, Path file) throws IOException {
        return new FileInfo(relative(base, file), Files.size(file), (long) (FileStamps.modified(file) * 1000),
                (long) (FileStamps.changed(file) * 1000));
    }

    /**
     * Everything below {@code dir}, paths relative to the user's home: directories first, then by
     * lower-case name; entries of equal key keep the walk's (name) order.
     */
    public List<Entry> tree(Path home, Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).sorted().toList()) {
                String name = p.getFileName().toString();
                boolean directory = Files.isDirectory(p);
                Optional<Long> size = Optional.empty();
                Optional<Double> modified = Optional.empty();
                if (!directory) {
                    try {
                        size = Optional.of(Files.size(p));
                        modified = Optional.of(FileStamps.modified(p));
                    } catch (IOException unreadable) {
                        // listed with what is known, as ComfyUI does
                    }
                }
                entries.add(new Entry(name, relative(home, p), directory, size, modified));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.directory()).thenComparing(e -> e.name().toLowerCase(Locale.ROOT)));
        return entries;
    }

    /** Writes {@code content} atomically, creating the folders on the way. */
    public void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, content);
    }

    public void move(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        AtomicFiles.move(source, target);
    }
}
