package dev.easel.nodes.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The next free {@code <name>_NNNNN_} number per folder and name. The folder is scanned once
 * (ComfyUI's rule: one more than the highest number in use); later saves continue from memory,
 * and scan again only if the file they would write already exists (someone else wrote there).
 * Listing a folder of thousands of previews on every save would dominate a small prompt.
 */
final class FileCounters {
    private static final Map<String, Integer> NEXT = new HashMap<>();

    private FileCounters() {}

    /** Reserves {@code count} consecutive numbers and returns the first. */
    static synchronized int reserve(Path folder, String filename, int count) throws IOException {
        String key = folder + "\u0000" + filename;
        Integer next = NEXT.get(key);
        if (next == null || Files.exists(folder.resolve(String.format("%s_%05d_.png", filename, next)))) {
            next = scan(folder, filename);
        }
        NEXT.put(key, next + Math.max(count, 1));
        return next;
    }

    /** One more than the highest {@code <filename>_NNNNN} in the folder; files without a number count as 0. */
    private static int scan(Path folder, String filename) throws IOException {
        int highest = -1;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                int n = filename.length();
                if (name.length() <= n || !name.startsWith(filename) || name.charAt(n) != '_') continue;
                highest = Math.max(highest, number(name.substring(n + 1)));
            }
        }
        return highest < 0 ? 1 : highest + 1;
    }

    private static int number(String rest) {
        int end = rest.indexOf('_');
        String digits = (end < 0 ? rest : rest.substring(0, end)).strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
