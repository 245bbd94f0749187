package dev.easel.server.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A single {@code Range: bytes=...} request against a file of known size (inclusive bounds). */
public record ByteRange(long start, long end) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return end - start + 1;
    }

    /**
     * The range asked for, clamped to the file; empty when there is no usable single range
     * (then the whole file is sent). {@code unsatisfiable} is set for a start beyond the end.
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) return Optional.empty();
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return Optional.empty();
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) return Optional.of(unsatisfiable());
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long start = Long.parseLong(m.group(1));
            // "bytes=5-2" is not a valid range at all (RFC 9110 §14.1.1): ignored, the whole file is sent
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < start) return Optional.empty();
            long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (start >= size) return Optional.of(unsatisfiable());
            return Optional.of(new ByteRange(start, end));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    private static ByteRange unsatisfiable() {
        return new ByteRange(-1, -2);
    }

    public boolean satisfiable() {
        return start >= 0;
    }
}
