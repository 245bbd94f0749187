package dev.easel.server.hostile;

import dev.easel.testkit.Http;
import dev.easel.testkit.Multipart;
import dev.easel.server.testkit.RawHttp;
import dev.easel.server.testkit.TestNodes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 10: the smaller holes. */
class SmallerFindingsTest extends HostileServerTest {

    @Test
    void anUploadNamedWithABackslashIsAnsweredWithTheNameItWasSavedUnder() throws IOException {
        Multipart form = new Multipart().file("image", "..\\x.png", "content".getBytes());
        Http.Response response = fx.http.send(fx.http.request("/upload/image", "Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("name").asText()).isEqualTo("..\\x.png");
        assertThat(Files.readString(fx.config.folders().input().resolve("..\\x.png"))).isEqualTo("content");
    }

    @Test
    void trailingDataAfterTheJsonBodyIsRefused() {
        String body = "{\"prompt\": " + Http.json("{}") + "} {\"more\": 1}";
        Http.Response response = fx.http.post("/prompt", body, "Content-Type", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("invalid_json");
    }

    private Http.Response withNumber(String number) {
        return fx.http.postJson("/prompt", map("prompt", TestNodes.simplePrompt(1), "number", number));
    }

    @Test
    void numberIsParsedWithPythonsFloatRules() {
        assertThat(withNumber(" inf ").json().path("number").asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(withNumber("-Infinity").json().path("number").asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(withNumber("1_000.5").json().path("number").asDouble()).isEqualTo(1000.5);
        assertThat(withNumber("nan").status()).isEqualTo(200);
        assertThat(withNumber("0x10").status()).isEqualTo(400);
        assertThat(withNumber("1d").status()).isEqualTo(400);
        assertThat(withNumber("1__0").status()).isEqualTo(400);
    }

    @Test
    void aRangeWhoseEndPrecedesItsStartIsIgnored() throws IOException {
        Files.write(fx.config.folders().output().resolve("a.bin"), "0123456789".getBytes());
        Http.Response response = fx.http.get("/view?filename=a.bin", "Range", "bytes=5-2");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("0123456789");
    }

    private int statusWithHost(String host, String path, String extraHeaders) throws IOException {
        return RawHttp.status(RawHttp.exchange(fx.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
                + "Connection: close\r\n\r\n", new byte[0], false, "\r\n\r\n"));
    }

    @Test
    void aHostThatNamesNoListenAddressIsRefused() throws IOException {
        // DNS rebinding: evil.example made to resolve to 127.0.0.1 by its owner
        assertThat(statusWithHost("evil.example:" + fx.port(), "/prompt", "")).isEqualTo(403);
        assertThat(statusWithHost("evil.example", "/ws", "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")).isEqualTo(403);
    }

    @Test
    void loopbackHostsAreServed() throws IOException {
        assertThat(statusWithHost("localhost:" + fx.port(), "/prompt", "")).isEqualTo(200);
        assertThat(statusWithHost("127.0.0.1", "/prompt", "")).isEqualTo(200);
        assertThat(statusWithHost("[::1]:" + fx.port(), "/prompt", "")).isEqualTo(200);
    }
}
