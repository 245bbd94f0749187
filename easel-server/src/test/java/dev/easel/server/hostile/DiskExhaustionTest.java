package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.node.ResourceLimits;
import dev.easel.testkit.LogCapture;
import dev.easel.server.testkit.ServerFixture;
import dev.easel.tensor.png.PngTextReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 1: one request must not fill the disk. */
class DiskExhaustionTest extends HostileServerTest {
    private static final long TEMP_LIMIT = 256 * 1024;
    private static final long METADATA_LIMIT = 100 * 1024;

    @Override
    protected ResourceLimits limits() {
        return ResourceLimits.defaults().withMaxTempBytesPerPrompt(TEMP_LIMIT).withMaxMetadataBytes(METADATA_LIMIT);
    }

    /** {@code outputs} small images, each of its own colour and previewed; {@code padding} bytes of title. */
    private static Map<String, Object> previews(int outputs, int padding) {
        return previews(outputs, padding, 0);
    }

    private static Map<String, Object> previews(int outputs, int padding, int firstColor) {
        Map<String, Object> prompt = new LinkedHashMap<>();
        for (int i = 0; i < outputs; i++) {
            // distinct inputs: identical previews would be one cached node, written once
            prompt.put("i" + i, map("class_type", "EmptyImage", "inputs",
                    map("width", 8, "height", 8, "batch_size", 1, "color", firstColor + i)));
            prompt.put("p" + i, map("class_type", "PreviewImage", "inputs", map("images", List.of("i" + i, 0))));
        }
        prompt.put("i0", map("class_type", "EmptyImage", "inputs",
                map("width", 8, "height", 8, "batch_size", 1, "color", firstColor), "_meta", map("title", "x".repeat(padding))));
        return prompt;
    }

    private long tempBytes() throws IOException {
        try (Stream<Path> files = Files.walk(fx.config.folders().temp())) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aPromptThatWouldFillTheDiskIsStoppedByTheTempLimit() throws IOException {
        // 400 previews each carrying the ~44 KB prompt would write ~17 MB; the limit is 256 KB
        String id = post(previews(400, 12_000)).json().path("prompt_id").asText();
        JsonNode history = awaitHistory(id);
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(errorOf(history)).contains("more than 262144 bytes to the temp folder");
        assertThat(tempBytes()).isBetween(TEMP_LIMIT / 2, TEMP_LIMIT);
    }

    @Test
    void theTempLimitCountsPerPromptSoTheNextPromptWritesAgain() throws IOException {
        JsonNode first = awaitHistory(post(previews(15, 12_000)).json().path("prompt_id").asText());
        assertThat(first.path("status").path("status_str").asText()).isEqualTo("success");
        long before = tempBytes();
        // another colour, so nothing is served from the cache
        JsonNode second = awaitHistory(post(previews(31, 12_000, 1000)).json().path("prompt_id").asText());
        assertThat(second.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(tempBytes() - before).isBetween(TEMP_LIMIT / 2, TEMP_LIMIT);
    }

    @Test
    void metadataOverItsLimitIsLeftOutAndTheLogSaysSo() throws IOException {
        try (LogCapture log = new LogCapture()) {
            String id = post(previews(1, 200_000)).json().path("prompt_id").asText();
            JsonNode history = awaitHistory(id);
            assertThat(history.path("status").path("status_str").asText()).isEqualTo("success");
            String file = history.path("outputs").path("p0").path("images").get(0).path("filename").asText();
            assertThat(PngTextReader.read(Files.readAllBytes(fx.config.folders().temp().resolve(file)))).isEmpty();
            assertThat(log.server()).extracting(LogCapture.Line::message)
                    .anySatisfy(m -> assertThat(m).startsWith("prompt " + id + ": ")
                            .endsWith("bytes of metadata exceed the limit of 102400 (--max-metadata-size); images saved without it"));
        }
    }

    @Test
    void metadataWithinItsLimitIsKept() throws IOException {
        JsonNode history = awaitHistory(post(previews(1, 10)).json().path("prompt_id").asText());
        String file = history.path("outputs").path("p0").path("images").get(0).path("filename").asText();
        assertThat(PngTextReader.read(Files.readAllBytes(fx.config.folders().temp().resolve(file)))).containsKey("prompt");
    }

    @Test
    void tempIsEmptiedAtStartUp() throws IOException {
        Path other = dir.resolve("second");
        Path leftover = Files.createDirectories(other.resolve("temp/sub")).resolve("old.png");
        Files.write(leftover, new byte[1000]);
        Path outside = Files.writeString(dir.resolve("keep.txt"), "kept");
        Files.createSymbolicLink(other.resolve("temp/link.txt"), outside);
        try (ServerFixture second = ServerFixture.start(other, registry())) {
            try (Stream<Path> left = Files.list(second.config.folders().temp())) {
                assertThat(left).isEmpty();
            }
        }
        assertThat(Files.readString(outside)).isEqualTo("kept");
    }
}
