package dev.easel.server.host;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostMemoryTest {

    @Test
    void meminfoFieldsAreReadInBytes() {
        List<String> lines = List.of("MemTotal:       16318412 kB", "MemFree:          911024 kB",
                "MemAvailable:    9876543 kB", "HugePages_Total:       0");
        assertThat(HostMemory.field(lines, "MemTotal:")).hasValue(16318412L * 1024);
        assertThat(HostMemory.field(lines, "MemAvailable:")).hasValue(9876543L * 1024);
        assertThat(HostMemory.field(lines, "HugePages_Total:")).hasValue(0);
        assertThat(HostMemory.field(lines, "SwapTotal:")).isEmpty();
    }

    @Test
    void theMachineHasMemoryAndSomeOfItIsAvailable() {
        HostMemory memory = HostMemory.now();
        assertThat(memory.total()).isPositive();
        assertThat(memory.available()).isPositive().isLessThanOrEqualTo(memory.total());
    }
}
