package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import dev.easel.testkit.Multipart;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 4 and the symlinked-subfolder part of 10: one containment rule for every path. */
class ContainmentTest extends HostileServerTest {

    private Http.Response upload(String filename, String subfolder) {
        Multipart form = new Multipart().file("image", filename, "content".getBytes()).field("subfolder", subfolder);
        return fx.http.send(fx.http.request("/upload/image", "Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());
    }

    private Map<String, Object> saveInto(String prefix) {
        return map("1", map("class_type", "EmptyImage", "inputs", map("width", 4, "height", 4, "batch_size", 1, "color", 0)),
                "2", map("class_type", "SaveImage", "inputs", map("images", List.of("1", 0), "filename_prefix", prefix)));
    }

    @Test
    void anUploadOverADanglingLinkIsRefusedAndNothingIsWrittenOutside() throws IOException {
        Path outside = dir.resolve("outside.png");
        Files.createSymbolicLink(fx.config.folders().input().resolve("evil.png"), outside);
        Http.Response response = upload("evil.png", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(Files.exists(outside)).isFalse();
    }

    @Test
    void anUploadIntoADanglingLinkedFolderIsA400NotA500() throws IOException {
        Files.createSymbolicLink(fx.config.folders().input().resolve("gone"), dir.resolve("missing"));
        assertThat(upload("a.png", "gone").status()).isEqualTo(400);
        assertThat(upload("gone/a.png", "").status()).isEqualTo(400);
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @Test
    void aSubfolderLinkedOutsideIsRefusedBySaveImageAndByView() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("x.png"), "secret".getBytes());
        Files.createSymbolicLink(fx.config.folders().output().resolve("shared"), elsewhere);
        JsonNode history = awaitHistory(submit(saveInto("shared/img"), null));
        assertThat(history.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(errorOf(history)).startsWith("Saving image outside the output folder is not allowed");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).containsExactly(elsewhere.resolve("x.png"));
        }
        assertThat(fx.http.get("/view?filename=x.png&subfolder=shared").status()).isEqualTo(403);
    }

    @Test
    void aSubfolderLinkedInsideIsWrittenBySaveImageAndServedByView() throws IOException {
        Files.createDirectories(fx.config.folders().output().resolve("real"));
        Files.createSymbolicLink(fx.config.folders().output().resolve("alias"), fx.config.folders().output().resolve("real"));
        JsonNode history = awaitHistory(submit(saveInto("alias/img"), null));
        JsonNode image = history.path("outputs").path("2").path("images").get(0);
        assertThat(image.path("subfolder").asText()).isEqualTo("alias");
        Http.Response served = fx.http.get("/view?filename=" + image.path("filename").asText() + "&subfolder=alias");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(Files.readAllBytes(fx.config.folders().output().resolve("real")
                .resolve(image.path("filename").asText())));
    }

    @Test
    void viewAndUploadGiveTheSameAnswerForALinkLeavingTheRoot() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(fx.config.folders().input().resolve("peek.png"), secret);
        assertThat(fx.http.get("/view?filename=peek.png&type=input").status()).isEqualTo(403);
        assertThat(upload("peek.png", "").status()).isEqualTo(400);
        assertThat(Files.readString(secret)).isEqualTo("secret");
    }
}
