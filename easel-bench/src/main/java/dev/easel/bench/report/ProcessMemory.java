package dev.easel.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap in use after a full collection, and the process's resident set size (Linux). */
public record ProcessMemory(long heapUsedBytes, long rssBytes, int threads) {

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
        return new ProcessMemory(memory.getHeapMemoryUsage().getUsed(), rss(), ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** {@code VmRSS} from {@code /proc/self/status} in bytes, or -1 where there is no procfs. */
    public static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
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
