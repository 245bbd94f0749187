package dev.easel.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --key value} pairs of one benchmark's command line, with defaults at the call site. */
public final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    public static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value pairs, got: " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Options(values);
    }

    public static Options of(Map<String, String> values) {
        return new Options(Map.copyOf(values));
    }

    public int integer(String key, int fallback) {
        return Optional.ofNullable(values.get(key)).map(Integer::parseInt).orElse(fallback);
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
