package dev.easel.server.routes;

import dev.easel.server.ServerConfig;
import dev.easel.testkit.Http;
import dev.easel.server.testkit.ServerFixture;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.WsClient;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MiddlewareTest {
    @TempDir
    Path dir;

    private static ServerConfig withCors(ServerConfig c, Optional<String> cors, Optional<Path> front) {
        return c.withNetwork(c.network().withCorsOrigin(cors)).withFrontEndRoot(front);
    }

    @Test
    void foreignOriginOnLoopbackIsForbiddenAndSameOriginIsAllowed() {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            String self = "http://127.0.0.1:" + fx.port();
            assertThat(fx.http.get("/prompt", "Origin", "http://evil.example").status()).isEqualTo(403);
            assertThat(fx.http.get("/prompt", "Origin", self).status()).isEqualTo(200);
            assertThat(fx.http.get("/prompt", "Origin", "http://127.0.0.1:1").status()).isEqualTo(403);
            assertThat(fx.http.get("/prompt", "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
            assertThat(fx.http.get("/prompt", "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
            Http.Response options = fx.http.send(fx.http.request("/anything").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(options.status()).isEqualTo(200);
            assertThat(options.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void webSocketUpgradeGoesThroughTheOriginCheck() throws Exception {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            assertThat(WsClient.refusedStatus(URI.create("ws://127.0.0.1:" + fx.port() + "/ws"), "Origin", "http://evil.example"))
                    .isEqualTo(403);
            try (WsRecorder ok = WsRecorder.connect(fx.port(), "")) {
                assertThat(ok.nextText().type()).isEqualTo("status");
            }
        }
    }

    @Test
    void corsModeAddsHeadersAndSkipsTheOriginCheck() {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry(),
                c -> withCors(c, Optional.of("*"), Optional.empty()))) {
            Http.Response response = fx.http.get("/prompt", "Origin", "http://evil.example");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("POST, GET, DELETE, PUT, OPTIONS, PATCH");
            assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type, Authorization");
            assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            Http.Response options = fx.http.send(fx.http.request("/prompt").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(options.status()).isEqualTo(200);
            assertThat(options.bytes()).isEmpty();
        }
    }

    @Test
    void rootServesTheFrontEndIndexWithNoStoreAndStaticFilesWithCacheHeaders() throws Exception {
        Path front = Files.createDirectories(dir.resolve("web"));
        Files.writeString(front.resolve("index.html"), "<html>front</html>");
        Files.writeString(front.resolve("app.js"), "1");
        Files.write(front.resolve("logo.png"), FileRoutesTest.png(0xFFFFFFFF));
        Files.createDirectories(front.resolve("extensions/core"));
        Files.writeString(front.resolve("extensions/core/a.js"), "1");
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry(),
                c -> withCors(c, Optional.empty(), Optional.of(front)))) {
            Http.Response index = fx.http.get("/");
            assertThat(index.text()).isEqualTo("<html>front</html>");
            assertThat(index.header("Cache-Control")).isEqualTo("no-store, must-revalidate");
            assertThat(index.header("Pragma")).isEqualTo("no-cache");
            assertThat(index.header("Expires")).isEqualTo("0");
            Http.Response js = fx.http.get("/app.js");
            assertThat(js.text()).isEqualTo("1");
            assertThat(js.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(fx.http.get("/logo.png").header("Cache-Control")).isEqualTo("public, max-age=86400");
            assertThat(fx.http.get("/missing.png").header("Cache-Control")).isEqualTo("public, max-age=3600");
            assertThat(fx.http.get("/extensions").json()).isEqualTo(Http.json("[\"/extensions/core/a.js\"]"));
        }
    }

    @Test
    void rootWithoutFrontEndServesEaselsOwnPage() {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            Http.Response index = fx.http.get("/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.text()).contains("<script type=\"module\" src=\"page/main.js\"></script>");
        }
    }

    @Test
    void unknownRoutesAre404AndListingsAnswer() throws Exception {
        Files.createDirectories(dir.resolve("models/embeddings/sub"));
        Files.writeString(dir.resolve("models/embeddings/sub/good.pt"), "x");
        Files.createDirectories(dir.resolve("models/checkpoints"));
        Files.writeString(dir.resolve("models/checkpoints/m.safetensors"), "x");
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            assertThat(fx.http.get("/nope").status()).isEqualTo(404);
            assertThat(fx.http.get("/interrupt").status()).isEqualTo(405);
            Http.Response big = fx.http.get("/system_stats", "Accept-Encoding", "gzip");
            assertThat(big.header("Content-Encoding")).isNull();
            assertThat(fx.http.get("/embeddings").json()).isEqualTo(Http.json("[\"sub/good\"]"));
            assertThat(fx.http.get("/models").json().get(0).asText()).isEqualTo("checkpoints");
            assertThat(fx.http.get("/api/models/checkpoints").json()).isEqualTo(Http.json("[\"m.safetensors\"]"));
            assertThat(fx.http.get("/models/unet").status()).isEqualTo(404);
            assertThat(fx.http.get("/features").json()).isEqualTo(Http.json(
                    "{\"supports_preview_metadata\": true, \"max_upload_size\": 104857600.0}"));
            var stats = fx.http.get("/system_stats").json();
            assertThat(stats.path("system").path("ram_total").asLong()).isPositive();
            assertThat(stats.path("devices").get(0).path("type").asText()).isEqualTo("cpu");
        }
    }

    @Test
    void modelListingsFollowTheConfiguredFoldersAcrossEveryDirectory() throws Exception {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b/sub"));
        Files.writeString(first.resolve("one.safetensors"), "x");
        Files.writeString(second.resolve("two.ckpt"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("c")).resolve("u.pth"), "x");
        var folders = java.util.Map.of("checkpoints", java.util.List.of(first, dir.resolve("b")),
                "my_upscalers", java.util.List.of(dir.resolve("c")));
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry(),
                c -> c.withFolders(c.folders().withModelFolders(folders)))) {
            assertThat(fx.http.get("/models/checkpoints").json())
                    .isEqualTo(Http.json("[\"one.safetensors\", \"sub/two.ckpt\"]"));
            assertThat(fx.http.get("/models/my_upscalers").json()).isEqualTo(Http.json("[\"u.pth\"]"));
            var keys = fx.http.get("/models").json();
            assertThat(keys.get(keys.size() - 1).asText()).isEqualTo("my_upscalers");
        }
    }

    private static void safetensors(Path file, String headerJson) throws Exception {
        byte[] header = headerJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 + header.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(header.length).put(header).putInt(0);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.array());
    }

    @Test
    void viewMetadataAnswersTheSafetensorsMetadataObjectAndOtherwise404() throws Exception {
        safetensors(dir.resolve("models/loras/style.safetensors"),
                "{\"__metadata__\": {\"ss_network_dim\": \"16\"}, \"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}");
        safetensors(dir.resolve("models/loras/plain.safetensors"), "{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}");
        Files.writeString(dir.resolve("models/loras/old.ckpt"), "x");
        safetensors(dir.resolve("outside.safetensors"), "{\"__metadata__\": {\"secret\": \"1\"}}");
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            assertThat(fx.http.get("/view_metadata/loras?filename=style.safetensors").json())
                    .isEqualTo(Http.json("{\"ss_network_dim\": \"16\"}"));
            assertThat(fx.http.get("/api/view_metadata/loras?filename=style.safetensors").status()).isEqualTo(200);
            assertThat(fx.http.get("/view_metadata/loras?filename=plain.safetensors").status()).isEqualTo(404);
            assertThat(fx.http.get("/view_metadata/loras?filename=old.ckpt").status()).isEqualTo(404);
            assertThat(fx.http.get("/view_metadata/nope?filename=style.safetensors").status()).isEqualTo(404);
            assertThat(fx.http.get("/view_metadata/loras?filename=..%2F..%2Foutside.safetensors").status())
                    .isEqualTo(404);
        }
    }
}
