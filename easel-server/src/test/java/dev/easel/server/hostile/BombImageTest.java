package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Finding 3: a small file declaring 20000x20000 is refused from its header, before decoding. */
class BombImageTest extends HostileServerTest {

    private void plantBomb() throws IOException {
        Files.write(fx.config.folders().input().resolve("bomb.png"), BombImages.png(20_000, 20_000));
    }

    @Test
    void loadImageRefusesAnImageOverThePixelLimit() throws IOException {
        plantBomb();
        String id = submit(map("1", map("class_type", "LoadImage", "inputs", map("image", "bomb.png")),
                "2", map("class_type", "PreviewImage", "inputs", map("images", List.of("1", 0)))), null);
        JsonNode history = awaitHistory(id);
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(errorOf(history)).isEqualTo(
                "Cannot read image file bomb.png: image of 20000x20000 (400000000 pixels) exceeds the limit of 178956970 pixels\n");
    }

    @Test
    void aPreviewOfABombIsA400FromTheHeader() throws IOException {
        plantBomb();
        Http.Response response = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fx.http.get("/view?filename=bomb.png&type=input&preview=webp;90"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo(
                "image of 20000x20000 (400000000 pixels) exceeds the limit of 178956970 pixels (--max-image-pixels)");
    }

    @Test
    void aChannelOfABombIsA400FromTheHeader() throws IOException {
        plantBomb();
        Http.Response response = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fx.http.get("/view?filename=bomb.png&type=input&channel=a"));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void theRawBombIsStillServedAsAFile() throws IOException {
        plantBomb();
        Http.Response response = fx.http.get("/view?filename=bomb.png&type=input");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(BombImages.png(20_000, 20_000));
    }
}
