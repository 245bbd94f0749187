package dev.easel.server.logs;

import java.util.Optional;

/**
 * The size of the terminal the front end mirrors. A JVM cannot ask its terminal, so this is
 * what Python's {@code shutil.get_terminal_size} answers without one: {@code COLUMNS} and
 * {@code LINES} from the environment, else 80 by 24. As in ComfyUI, subscribers are told the
 * size only when it changed since it was last reported.
 */
public final class TerminalSize {
    public record Size(int cols, int rows) {}

    private Size reported;

    synchronized Size current() {
        return new Size(env("COLUMNS", 80), env("LINES", 24));
    }

    /** The size if it differs from the one last reported (the first time, always). */
    synchronized Optional<Size> changed() {
        Size now = current();
        if (now.equals(reported)) return Optional.empty();
        reported = now;
        return Optional.of(now);
    }

    private static int env(String name, int fallback) {
        try {
            int value = Integer.parseInt(System.getenv().getOrDefault(name, ""));
            return value > 0 ? value : fallback;
        } catch (NumberFormatException unset) {
            return fallback;
        }
    }
}
