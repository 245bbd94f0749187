package dev.easel.server.hostile;

import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.Multipart;
import dev.easel.server.testkit.RawHttp;
import dev.easel.server.testkit.TestNodes;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding 7: a client's mistake is a 4xx with one log line at most, never a 500 with a stack trace. */
class ClientMistakesTest extends HostileServerTest {

    private String head(String path, int contentLength, String contentType) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + fx.port() + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void aBodyCutShortIsA400WithOneLogLine() throws IOException {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 5; i++) {
                String answer = RawHttp.exchange(fx.port(), head("/upload/image", 1000, "multipart/form-data; boundary=x"),
                        "--x\r\nContent-Disposition".getBytes(), true, "\r\n\r\n");
                assertThat(RawHttp.status(answer)).isIn(400, -1);
            }
            assertThat(log.server()).hasSize(5).allSatisfy(line -> {
                assertThat(line.message()).startsWith("POST /upload/image: the request body ended early");
                assertThat(line.cause()).isEmpty();
            });
        }
        assertOk(post(TestNodes.simplePrompt(1)));
    }

    /** Found by the fuzz: Jetty answers an unknown HTTP version with 505; aiohttp, and Easel, with 400. */
    @Test
    void anUnknownHttpVersionIsA400NotA505() throws IOException {
        for (String version : new String[] {"HTTP/9.9", "HTTP/1.7"}) {
            String answer = RawHttp.exchange(fx.port(), "GET /queue " + version + "\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n", new byte[0], false, "\u0000never");
            assertThat(RawHttp.status(answer)).as(version).isEqualTo(400);
            assertThat(answer).endsWith("\r\n\r\n400: Bad Request");
        }
        // HTTP/2 without TLS is Jetty's 426 Upgrade Required, a 4xx already
        assertThat(RawHttp.status(RawHttp.exchange(fx.port(), "GET /queue HTTP/2.0\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n", new byte[0], false, "\u0000never"))).isEqualTo(426);
        assertOk(post(TestNodes.simplePrompt(1)));
    }

    @Test
    void aPromptBodyCutShortIsA400() throws IOException {
        String answer = RawHttp.exchange(fx.port(), head("/prompt", 500, "application/json"), "{\"prompt\": {".getBytes(),
                true, "\r\n\r\n");
        assertThat(RawHttp.status(answer)).isEqualTo(400);
    }

    @Test
    void aNulInViewsFilenameOrSubfolderIsA400() {
        assertThat(fx.http.get("/view?filename=a%00.png").status()).isEqualTo(400);
        assertThat(fx.http.get("/view?filename=a.png&subfolder=x%00y").status()).isEqualTo(400);
    }

    @Test
    void anOutOfRangePreviewQualityIsClampedNotA500() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        Files.write(fx.config.folders().output().resolve("a.png"), png.toByteArray());
        Http.Response response = fx.http.get("/view?filename=a.png&preview=jpeg;99999999999");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void aChannelOfAFileThatIsNoImageIsA400() throws IOException {
        Files.writeString(fx.config.folders().output().resolve("notes.txt"), "hello");
        assertThat(fx.http.get("/view?filename=notes.txt&channel=rgb").status()).isEqualTo(400);
        assertThat(fx.http.get("/view?filename=notes.txt&preview=jpeg").status()).isEqualTo(400);
    }

    private Http.Response upload(String filename) {
        return upload(filename, null);
    }

    @Test
    void uploadNamesWithANulOverLongOrADotAreA400() {
        assertThat(upload("a\0b.png").status()).isEqualTo(400);
        assertThat(upload("x".repeat(256) + ".png").status()).isEqualTo(400);
        assertThat(upload(".").status()).isEqualTo(400);
        assertThat(upload("sub/" + "y".repeat(300)).status()).isEqualTo(400);
    }

    /** Uploads a small file as {@code filename}, into {@code subfolder} unless it is null. */
    private Http.Response upload(String filename, String subfolder) {
        Multipart form = new Multipart().file("image", filename, "content".getBytes());
        if (subfolder != null) form.field("subfolder", subfolder);
        return fx.http.send(fx.http.request("/upload/image", "Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());
    }

    /** Found by the fuzz: a subfolder the file system cannot make was a 500 with a stack trace. */
    @Test
    void aSubfolderThatCannotBeMadeIsA400WithOneLogLine() throws IOException {
        assertOk(upload("taken", ""));
        try (LogCapture log = new LogCapture()) {
            assertThat(upload("a.png", "z".repeat(300)).status()).isEqualTo(400);
            assertThat(upload("a.png", "taken").status()).isEqualTo(400);
            assertThat(upload("a.png", "taken/deeper").status()).isEqualTo(400);
            assertThat(log.server()).hasSize(2).allSatisfy(line -> {
                assertThat(line.message()).startsWith("upload of a.png refused: java.nio.file.F").contains("taken");
                assertThat(line.cause()).isEmpty();
            });
        }
        assertThat(Files.readString(fx.config.folders().input().resolve("taken"))).isEqualTo("content");
    }

    /** Upgrades with the query sent byte for byte; returns the sid of the greeting. */
    private String connectRaw(String rawQuery) throws IOException {
        String answer = RawHttp.exchange(fx.port(), "GET /ws?" + rawQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + fx.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n", new byte[0], false, "\"}}");
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(101);
        String frame = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        return Http.json(frame.substring(frame.indexOf('{'))).path("data").path("sid").asText();
    }

    @Test
    void aClientIdWithUnencodedCharactersIsAcceptedAsComfyUiDoes() throws IOException {
        assertThat(connectRaw("clientId=a<b>c^d|e\"f{g}h")).isEqualTo("a<b>c^d|e\"f{g}h");
    }

    @Test
    void aClientIdWithBadPercentEscapesKeepsThemAsText() throws IOException {
        assertThat(connectRaw("clientId=ab%zz%4%41")).isEqualTo("ab%zz%4A");
    }
}
