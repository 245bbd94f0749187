package dev.easel.nodes.loaders;

import java.lang.management.ManagementFactory;

/**
 * How many bytes of loaded models a server keeps by default: 60% of the machine's physical
 * memory (the container's limit when the JVM runs in one), leaving the rest to the JVM heap,
 * the images in flight and the operating system.
 */
final class MemoryBudget {
    static final double SHARE = 0.6;

    private MemoryBudget() {
    }

    static long defaultBytes() {
        return (long) (physicalBytes() * SHARE);
    }

    /** Physical memory as the JDK reports it; the heap limit where that is unavailable. */
    static long physicalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            if (total > 0) return total;
        }
        return Runtime.getRuntime().maxMemory();
    }
}
