package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /system_stats} as ComfyUI answers on a machine without a GPU. */
class SystemStatsTest extends ServerTest {

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        return defaults.withArgv(List.of("easel", "--listen", "--port", "8188"));
    }

    @Test
    void theCpuIsTheDeviceWithTheMachinesMemory() throws Exception {
        JsonNode stats = fx.http.get("/system_stats").json();
        JsonNode devices = stats.path("devices");
        assertThat(devices).hasSize(1);
        JsonNode cpu = devices.get(0);
        assertThat(cpu.fieldNames()).toIterable().containsExactly("name", "type", "index", "vram_total", "vram_free",
                "torch_vram_total", "torch_vram_free");
        assertThat(cpu.path("name").asText()).isEqualTo("cpu");
        assertThat(cpu.path("type").asText()).isEqualTo("cpu");
        assertThat(cpu.path("index").isNull()).isTrue();
        long total = cpu.path("vram_total").asLong();
        assertThat(cpu.path("torch_vram_total").asLong()).isEqualTo(total);
        assertThat(stats.path("system").path("ram_total").asLong()).isEqualTo(total);
        assertThat(cpu.path("vram_free").asLong()).isPositive().isLessThanOrEqualTo(total)
                .isEqualTo(cpu.path("torch_vram_free").asLong()).isEqualTo(stats.path("system").path("ram_free").asLong());
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            String line = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal:")).findFirst().orElseThrow();
            assertThat(total).isEqualTo(Long.parseLong(line.replaceAll("\\D+", "")) * 1024);
        }
    }

    @Test
    void argvIsTheCommandLineTheServerWasStartedWith() {
        assertThat(fx.http.get("/api/system_stats").json().path("system").path("argv"))
                .isEqualTo(Http.json("[\"easel\",\"--listen\",\"--port\",\"8188\"]"));
    }
}
