package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.ServerConfig;
import dev.easel.server.http.ErrorMapping;
import dev.easel.testkit.Http;
import dev.easel.testkit.Multipart;
import dev.easel.server.testkit.RawHttp;
import dev.easel.server.testkit.ServerTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FileRoutesTest extends ServerTest {

    @Override
    protected ServerConfig configure(ServerConfig c) {
        return c.withNetwork(c.network().withMaxUploadSizeMb(0.01));
    }

    static byte[] png(int argb) throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, argb);
        image.setRGB(1, 0, 0xFF00FF00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Http.Response upload(String path, Multipart form) {
        return fx.http.send(fx.http.request(path, "Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());
    }

    @Test
    void viewServesFilesFromTheChosenRootWithDisposition() throws Exception {
        byte[] image = png(0x80FF0000);
        Files.createDirectories(fx.config.folders().output().resolve("sub"));
        Files.write(fx.config.folders().output().resolve("sub/a.png"), image);
        Files.write(fx.config.folders().input().resolve("in.png"), image);
        Http.Response response = fx.http.get("/view?filename=a.png&subfolder=sub");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(image);
        assertThat(response.header("Content-Type")).isEqualTo("image/png");
        assertThat(response.header("Content-Disposition")).isEqualTo("filename=\"a.png\"");
        assertThat(fx.http.get("/api/view?filename=in.png&type=input").bytes()).isEqualTo(image);
        Http.Response range = fx.http.get("/view?filename=a.png&subfolder=sub", "Range", "bytes=0-3");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.bytes()).isEqualTo(java.util.Arrays.copyOf(image, 4));
        assertThat(range.header("Content-Range")).isEqualTo("bytes 0-3/" + image.length);
        Http.Response tail = fx.http.get("/view?filename=a.png&subfolder=sub", "Range", "bytes=-2");
        assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(image, image.length - 2, image.length));
        assertThat(fx.http.get("/view?filename=a.png&subfolder=sub", "Range", "bytes=99999-").status()).isEqualTo(416);
        assertThat(fx.http.get("/view?filename=" + q("in.png [input]") + "&type=output").bytes()).isEqualTo(image);
        Http.Response missing = fx.http.get("/view?filename=none.png");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(fx.http.get("/view").status()).isEqualTo(404);
        assertThat(fx.http.get("/view?filename=a.png&type=models").status()).isEqualTo(400);
    }

    @Test
    void viewRefusesTraversal() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        assertThat(fx.http.get("/view?filename=" + q("../secret.txt")).status()).isEqualTo(400);
        assertThat(fx.http.get("/view?filename=" + q("/etc/passwd")).status()).isEqualTo(400);
        assertThat(fx.http.get("/view?filename=").status()).isEqualTo(400);
        assertThat(fx.http.get("/view?filename=secret.txt&subfolder=" + q("../")).status()).isEqualTo(403);
        assertThat(fx.http.get("/view?filename=secret.txt&subfolder=" + q("/tmp")).status()).isEqualTo(403);
        Files.createSymbolicLink(fx.config.folders().output().resolve("link"), dir);
        assertThat(fx.http.get("/view?filename=secret.txt&subfolder=link").status()).isEqualTo(403);
    }

    @Test
    void viewChannelsAndPreview() throws Exception {
        Files.write(fx.config.folders().output().resolve("c.png"), png(0x80FF0000));
        BufferedImage rgb = ImageIO.read(new ByteArrayInputStream(fx.http.get("/view?filename=c.png&channel=rgb").bytes()));
        assertThat(rgb.getColorModel().hasAlpha()).isFalse();
        assertThat(rgb.getRGB(0, 0)).isEqualTo(0xFFFF0000);
        BufferedImage alpha = ImageIO.read(new ByteArrayInputStream(fx.http.get("/view?filename=c.png&channel=a").bytes()));
        assertThat(alpha.getRGB(0, 0)).isEqualTo(0x80000000);
        assertThat(alpha.getRGB(1, 0)).isEqualTo(0xFF000000);
        Http.Response preview = fx.http.get("/view?filename=c.png&preview=" + q("webp;50"));
        assertThat(preview.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(preview.bytes())).getWidth()).isEqualTo(2);
    }

    @Test
    void dangerousTypesAreServedAsAttachments() throws Exception {
        Files.writeString(fx.config.folders().output().resolve("x.html"), "<script>1</script>");
        Http.Response response = fx.http.get("/view?filename=x.html");
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"x.html\"");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void uploadRenamesDifferentContentAndReusesIdenticalContent() throws Exception {
        byte[] first = png(0xFFFF0000);
        byte[] second = png(0xFF0000FF);
        JsonNode a = upload("/upload/image", new Multipart().file("image", "pic.png", first).field("subfolder", "s")).json();
        assertThat(a).isEqualTo(Http.json("{\"name\": \"pic.png\", \"subfolder\": \"s\", \"type\": \"input\"}"));
        JsonNode same = upload("/upload/image", new Multipart().file("image", "pic.png", first).field("subfolder", "s")).json();
        assertThat(same.path("name").asText()).isEqualTo("pic.png");
        JsonNode b = upload("/api/upload/image", new Multipart().file("image", "pic.png", second).field("subfolder", "s")).json();
        assertThat(b.path("name").asText()).isEqualTo("pic (1).png");
        assertThat(Files.readAllBytes(fx.config.folders().input().resolve("s/pic (1).png"))).isEqualTo(second);
        JsonNode over = upload("/upload/image", new Multipart().file("image", "pic.png", second).field("subfolder", "s")
                .field("overwrite", "true")).json();
        assertThat(over.path("name").asText()).isEqualTo("pic.png");
        assertThat(Files.readAllBytes(fx.config.folders().input().resolve("s/pic.png"))).isEqualTo(second);
        JsonNode temp = upload("/upload/image", new Multipart().file("image", "t.png", first).field("type", "temp")).json();
        assertThat(temp.path("type").asText()).isEqualTo("temp");
        assertThat(Files.exists(fx.config.folders().temp().resolve("t.png"))).isTrue();
    }

    @Test
    void anUploadNamedWithFoldersIsAnsweredWithItsPathUnderTheSubfolder() throws Exception {
        JsonNode answer = upload("/upload/image", new Multipart().file("image", "pets/cat.png", png(0xFF0000FF))
                .field("subfolder", "album")).json();
        assertThat(answer.path("name").asText()).isEqualTo("pets/cat.png");
        assertThat(answer.path("subfolder").asText()).isEqualTo("album");
        assertThat(fx.config.folders().input().resolve("album/pets/cat.png")).exists();
    }

    @Test
    void uploadRefusesTraversalAndMissingFiles() throws Exception {
        byte[] content = png(0xFFFF0000);
        assertThat(upload("/upload/image", new Multipart().file("image", "x.png", content).field("subfolder", "../..")).status())
                .isEqualTo(400);
        assertThat(upload("/upload/image", new Multipart().file("image", "../../evil.png", content)).status()).isEqualTo(400);
        assertThat(upload("/upload/image", new Multipart().field("type", "input")).status()).isEqualTo(400);
        assertThat(Files.exists(dir.resolve("evil.png"))).isFalse();
    }

    @Test
    void maskUploadTakesTheOriginalsColoursAndTheUploadsAlpha() throws Exception {
        Files.write(fx.config.folders().output().resolve("orig.png"), png(0xFF112233));
        byte[] mask = png(0x40FFFFFF);
        JsonNode answer = upload("/upload/mask", new Multipart().file("image", "mask.png", mask)
                .field("original_ref", "{\"filename\": \"orig.png\"}")).json();
        assertThat(answer.path("name").asText()).isEqualTo("mask.png");
        BufferedImage saved = ImageIO.read(fx.config.folders().input().resolve("mask.png").toFile());
        assertThat(saved.getRGB(0, 0)).isEqualTo(0x40112233);
        assertThat(saved.getRGB(1, 0)).isEqualTo(0xFF00FF00);
    }

    @Test
    void aMaskUploadIdenticalToAnExistingFileLeavesThatFileAlone() throws Exception {
        Files.write(fx.config.folders().output().resolve("orig.png"), png(0xFF112233));
        byte[] mask = png(0x40FFFFFF);
        Files.write(fx.config.folders().input().resolve("kept.png"), mask);
        JsonNode answer = upload("/upload/mask", new Multipart().file("image", "kept.png", mask)
                .field("original_ref", "{\"filename\": \"orig.png\"}")).json();
        assertThat(answer.path("name").asText()).isEqualTo("kept.png");
        assertThat(Files.readAllBytes(fx.config.folders().input().resolve("kept.png"))).isEqualTo(mask);
    }

    @Test
    void maskUploadKeepsTheOriginalsPngText() throws Exception {
        byte[] original = new dev.easel.tensor.png.PngEncoder(4).encode(
                new dev.easel.tensor.image.Pixels8(1, 1, 3, new byte[] {1, 2, 3}),
                java.util.Map.of("prompt", "{\"1\": {}}"));
        Files.write(fx.config.folders().output().resolve("with_text.png"), original);
        upload("/upload/mask", new Multipart().file("image", "m2.png", png(0x80FFFFFF))
                .field("original_ref", "{\"filename\": \"with_text.png\"}"));
        byte[] saved = Files.readAllBytes(fx.config.folders().input().resolve("m2.png"));
        assertThat(dev.easel.tensor.png.PngTextReader.read(saved)).containsExactly(java.util.Map.entry("prompt", "{\"1\": {}}"));
        assertThat(ImageIO.read(new ByteArrayInputStream(saved)).getRGB(0, 0)).isEqualTo(0x80010203);
    }

    @Test
    void oversizedBodiesAre413() {
        byte[] big = new byte[20_000];   // the limit in this test is 0.01 MB
        Http.Response upload = upload("/upload/image", new Multipart().file("image", "big.png", big));
        assertThat(upload.status()).isEqualTo(413);
        Http.Response prompt = fx.http.post("/prompt", "{\"prompt\": \"" + "x".repeat(20_000) + "\"}");
        assertThat(prompt.status()).isEqualTo(413);
        Http.Response streamed = fx.http.send(fx.http.request("/prompt").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(("{\"prompt\": \"" + "x".repeat(20_000) + "\"}").getBytes()))).build());
        assertThat(streamed.status()).isEqualTo(413);
        Multipart form = new Multipart().file("image", "big.png", big);
        Http.Response chunkedUpload = fx.http.send(fx.http.request("/upload/image", "Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form.body()))).build());
        assertThat(chunkedUpload.status()).isEqualTo(413);
        assertThat(Files.exists(fx.config.folders().input().resolve("big.png"))).isFalse();
    }

    private String postHead(int declaredLength) {
        return "POST /prompt HTTP/1.1\r\nHost: 127.0.0.1:" + fx.port() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n";
    }

    /**
     * The refusal waits for the rest of a body a little over the limit, even one still on its way: answering and
     * closing on a body still arriving lets TCP reset the connection, which can drop the answer unread.
     */
    @Test
    void aBodyALittleOverTheLimitIsReadToItsEndSoThe413ArrivesAndTheConnectionServesTheNextRequest() throws Exception {
        byte[] half = new byte[10_000];
        byte[] next = ("GET /queue HTTP/1.1\r\nHost: 127.0.0.1:" + fx.port() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] rest = new byte[half.length + next.length];
        System.arraycopy(next, 0, rest, half.length, next.length);
        String answers = RawHttp.exchange(fx.port(), postHead(2 * half.length), List.of(half, rest), Duration.ofMillis(300),
                false, "\"queue_pending\":[]}");
        assertThat(RawHttp.status(answers)).isEqualTo(413);
        String first = answers.substring(0, answers.indexOf("\r\n\r\n"));
        assertThat(first.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
        String second = answers.substring(first.length() + 4);
        assertThat(RawHttp.status(second)).isEqualTo(200);
        assertThat(second).endsWith("\r\n\r\n{\"queue_running\":[],\"queue_pending\":[]}");
    }

    @Test
    void aLargerBodyOrOneHeldBackFor100ContinueIsRefusedAtOnceWithConnectionCloseAndNoneOfItRead() throws Exception {
        String large = RawHttp.exchange(fx.port(), postHead((int) ErrorMapping.DRAINED_BYTES + 1), new byte[0], false, "\r\n\r\n");
        assertThat(RawHttp.status(large)).isEqualTo(413);
        assertThat(large.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
        String head = postHead(20_000);
        String waiting = RawHttp.exchange(fx.port(), head.substring(0, head.length() - 2) + "Expect: 100-continue\r\n\r\n",
                new byte[0], false, "\r\n\r\n");
        assertThat(RawHttp.status(waiting)).as("a final answer, no 100 Continue first").isEqualTo(413);
        assertThat(waiting.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
    }

    @Test
    void aPreviewOfAFileThatIsNoImageIsA400WithAJsonBody() throws Exception {
        Files.writeString(fx.config.folders().output().resolve("broken.png"), "not an image");
        Http.Response response = fx.http.get("/view?filename=broken.png&preview=jpeg;80");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("error").asText()).isEqualTo("not an image: broken.png");
    }
}
