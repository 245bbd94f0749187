package dev.easel.server.host;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The machine's memory as ComfyUI reports it through {@code psutil.virtual_memory()}: the total,
 * and what is available to new programs ({@code MemAvailable} on Linux, which counts caches
 * that can be dropped), not merely what is free.
 */
public record HostMemory(long total, long available) {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    public static HostMemory now() {
        if (Files.isReadable(MEMINFO)) {
            try {
                List<String> lines = Files.readAllLines(MEMINFO);
                OptionalLong total = field(lines, "MemTotal:");
                OptionalLong available = field(lines, "MemAvailable:");
                if (total.isPresent() && available.isPresent()) return new HostMemory(total.getAsLong(), available.getAsLong());
            } catch (IOException | NumberFormatException unreadable) {
                // the JVM's own view below
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new HostMemory(os.getTotalMemorySize(), os.getFreeMemorySize());
        }
        return new HostMemory(Runtime.getRuntime().maxMemory(), Runtime.getRuntime().freeMemory());
    }

    /** A {@code Name:  123 kB} line of {@code /proc/meminfo}, in bytes. */
    static OptionalLong field(List<String> lines, String name) {
        for (String line : lines) {
            if (!line.startsWith(name)) continue;
            String[] parts = line.substring(name.length()).trim().split("\\s+");
            long value = Long.parseLong(parts[0]);
            return OptionalLong.of(parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value);
        }
        return OptionalLong.empty();
    }
}
