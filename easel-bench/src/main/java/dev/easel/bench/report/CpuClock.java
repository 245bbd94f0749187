package dev.easel.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process, split by who spent it. Unlike wall time it barely moves when other
 * processes compete for the cores, so it says what one prompt costs. Only platform threads are
 * visible: virtual threads (Jetty's handlers, socket writers) are counted on their carriers, and
 * "other" is what the process used beyond the live Java threads: GC, JIT and threads that
 * ended during the measurement.
 */
public final class CpuClock {
    public static final String PROMPT_THREAD = "server prompt thread";
    public static final String SERVER_IO = "server HTTP/WebSocket (Jetty, virtual-thread carriers)";
    public static final String CLIENT = "load client (JDK HttpClient, main)";
    public static final String JVM = "other (GC, JIT, threads that ended)";

    private final long process;
    private final Map<Long, Long> threads;
    private final Map<Long, String> names;

    private CpuClock(long process, Map<Long, Long> threads, Map<Long, String> names) {
        this.process = process;
        this.threads = threads;
        this.names = names;
    }

    public static CpuClock now() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> threads = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long cpu = mx.getThreadCpuTime(thread.threadId());
            if (cpu < 0) continue;
            threads.put(thread.threadId(), cpu);
            names.put(thread.threadId(), thread.getName());
        }
        return new CpuClock(processNanos(), threads, names);
    }

    /** CPU nanoseconds spent since {@code earlier}, by group, plus {@code "total"}. */
    public Map<String, Long> since(CpuClock earlier) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String group : new String[] {PROMPT_THREAD, SERVER_IO, CLIENT, JVM}) groups.put(group, 0L);
        long javaThreads = 0;
        for (Map.Entry<Long, Long> entry : threads.entrySet()) {
            long delta = entry.getValue() - earlier.threads.getOrDefault(entry.getKey(), 0L);
            javaThreads += delta;
            groups.merge(group(names.get(entry.getKey())), delta, Long::sum);
        }
        long total = process - earlier.process;
        groups.put(JVM, Math.max(0, total - javaThreads));
        groups.put("total", total);
        return groups;
    }

    private static String group(String name) {
        if (name.equals("prompt-worker")) return PROMPT_THREAD;
        if (name.startsWith("HttpClient") || name.equals("main") || name.startsWith("ForkJoinPool.commonPool")) return CLIENT;
        return SERVER_IO;
    }

    public static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
