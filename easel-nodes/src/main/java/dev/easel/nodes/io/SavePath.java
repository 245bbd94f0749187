package dev.easel.nodes.io;

import dev.easel.engine.files.ContainedPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Where a batch of images is saved, following ComfyUI's naming: the prefix may name a subfolder
 * and use {@code %width% %height% %year% %month% %day% %hour% %minute% %second%}; files are
 * {@code <name>_NNNNN_.png} and the counter continues after the highest number already used by
 * that name in the folder.
 *
 * @param folder    the directory to write into (created if missing)
 * @param filename  the name part of the prefix, variables expanded
 * @param counter   the number of the first file
 * @param subfolder the prefix's folder relative to the base, with {@code /} separators, or ""
 */
public record SavePath(Path folder, String filename, int counter, String subfolder) {

    /** The file name of batch item {@code index} ({@code %batch_num%} is replaced by the index). */
    public String fileName(int index, String extension) {
        return String.format("%s_%05d_.%s", filename.replace("%batch_num%", String.valueOf(index)), counter + index, extension);
    }

    /** Resolves the prefix and reserves {@code count} file numbers. */
    public static SavePath resolve(String prefix, Path baseDir, int width, int height, int count, LocalDateTime now)
            throws IOException {
        String expanded = prefix.contains("%") ? expand(prefix, width, height, now) : prefix;
        Path base = baseDir.toAbsolutePath().normalize();
        if (expanded.isBlank()) throw new IllegalArgumentException("filename_prefix must not be empty");
        // the rule /view reads by: a folder reached through a link that leaves the base is refused
        Path target = ContainedPath.resolve(base, expanded).orElse(null);
        Path folder = target == null ? null : target.getParent();
        if (folder == null || !folder.startsWith(base)) {
            throw new IllegalArgumentException("Saving image outside the output folder is not allowed (filename_prefix '" + prefix + "')");
        }
        String filename = target.getFileName().toString();
        String subfolder = base.relativize(folder).toString().replace('\\', '/');
        if (!Files.isDirectory(folder)) Files.createDirectories(folder);
        return new SavePath(folder, filename, FileCounters.reserve(folder, filename, count), subfolder);
    }

    private static String expand(String prefix, int width, int height, LocalDateTime now) {
        return prefix.replace("%width%", String.valueOf(width))
                .replace("%height%", String.valueOf(height))
                .replace("%year%", String.valueOf(now.getYear()))
                .replace("%month%", twoDigits(now.getMonthValue()))
                .replace("%day%", twoDigits(now.getDayOfMonth()))
                .replace("%hour%", twoDigits(now.getHour()))
                .replace("%minute%", twoDigits(now.getMinute()))
                .replace("%second%", twoDigits(now.getSecond()));
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }
}
