package dev.easel.bench.report;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap in use after a full collection, the process's resident set size (Linux), and what else
 * explains the RSS: the committed heap and NIO direct buffers.
 */
public record ProcessMemory(long heapUsedBytes, long rssBytes, int threads, long heapCommittedBytes, long directBytes) {

    /** Collects until used heap stops shrinking (at most five times), then reads both figures. */
    public static ProcessMemory measureAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous) break;
            previous = used;
        }
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return new ProcessMemory(memory.getHeapMemoryUsage().getUsed(), rss(), ManagementFactory.getThreadMXBean().getThreadCount(),
                memory.getHeapMemoryUsage().getCommitted(), direct);
    }

    /** {@code VmRSS} from {@code /proc/self/status} in bytes, or -1 where there is no procfs. */
    public static long rss() {
        return status("VmRSS:");
    }

    /** {@code VmHWM}, the process's peak resident set size so far, in bytes, or -1 where there is no procfs. */
    public static long peakRss() {
        return status("VmHWM:");
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
        return -1;
    }

    public static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
