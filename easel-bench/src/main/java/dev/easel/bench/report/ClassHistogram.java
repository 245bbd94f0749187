package dev.easel.bench.report;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Live objects by class (the JVM's {@code GC.class_histogram}), and what grew between two of them. */
public final class ClassHistogram {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$", Pattern.MULTILINE);

    private final Map<String, long[]> byClass;

    private ClassHistogram(Map<String, long[]> byClass) {
        this.byClass = byClass;
    }

    /** Takes a histogram of live objects (this forces a full collection). */
    public static ClassHistogram take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> rows = new HashMap<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) rows.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        return new ClassHistogram(rows);
    }

    /** The {@code top} classes whose live bytes grew most since {@code earlier}, one per line. */
    public String growthSince(ClassHistogram earlier, int top) {
        return byClass.entrySet().stream()
                .map(e -> {
                    long[] before = earlier.byClass.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - before[0], e.getValue()[1] - before[1]});
                })
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .map(e -> String.format("  %+9d objects %+10.1f KiB  %s", e.getValue()[0], e.getValue()[1] / 1024.0, e.getKey()))
                .collect(Collectors.joining("\n"));
    }
}
