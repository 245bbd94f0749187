package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 8: ImageBatch resizes any second size to the first without failing. */
class ImageBatchSizesTest extends HostileServerTest {

    @ParameterizedTest
    @CsvSource({"4,4,1,4", "4,4,4,1", "4,4,8,1", "1,8,8,1", "3,5,1,1"})
    void aBatchOfTwoSizesIsPreviewedAtTheFirstSize(int w1, int h1, int w2, int h2) {
        Map<String, Object> prompt = map(
                "a", map("class_type", "EmptyImage", "inputs", map("width", w1, "height", h1, "batch_size", 1, "color", 0)),
                "b", map("class_type", "EmptyImage", "inputs", map("width", w2, "height", h2, "batch_size", 1, "color", 255)),
                "c", map("class_type", "ImageBatch", "inputs", map("image1", List.of("a", 0), "image2", List.of("b", 0))),
                "d", map("class_type", "PreviewImage", "inputs", map("images", List.of("c", 0))));
        JsonNode history = awaitHistory(submit(prompt, null));
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("success");
        assertThat(history.path("outputs").path("d").path("images").size()).isEqualTo(2);
    }
}
