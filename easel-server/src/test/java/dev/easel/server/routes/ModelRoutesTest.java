package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelRoutesTest extends ServerTest {

    @Override
    protected ServerConfig configure(ServerConfig c) {
        Path base = c.folders().base();
        Path extra = base.resolve("more-loras");
        return c.withFolders(c.folders().withModelFolders(Map.of("loras", List.of(base.resolve("models/loras"), extra),
                "upscalers_extra", List.of(base.resolve("up")))));
    }

    private Path models(String relative) throws java.io.IOException {
        Path path = dir.resolve("models").resolve(relative);
        Files.createDirectories(path.getParent());
        return path;
    }

    private static byte[] png(int width, int height, int argb) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, argb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] safetensors(String metadataJson) {
        byte[] header = ("{\"__metadata__\":" + metadataJson + "}").getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header);
        return out.array();
    }

    @Test
    void folderListingNamesEachFolderWithItsPathsAndExtensions() throws Exception {
        JsonNode folders = fx.http.get("/experiment/models").json();
        assertThat(folders.findValuesAsText("name")).doesNotContain("configs", "custom_nodes")
                .startsWith("checkpoints", "loras", "vae", "text_encoders").endsWith("upscalers_extra");
        JsonNode loras = folders.get(1);
        assertThat(loras).isEqualTo(Http.json("{\"name\":\"loras\",\"folders\":[\"" + models("loras") + "\",\""
                + dir.resolve("more-loras") + "\"],\"extensions\":[\".bin\",\".ckpt\",\".pkl\",\".pt\",\".pt2\",\".pth\",\".safetensors\",\".sft\"]}"));
        assertThat(folders.get(3).path("folders")).isEqualTo(Http.json("[\"" + models("text_encoders") + "\"]"));
        assertThat(folders.get(folders.size() - 1).path("extensions")).isEqualTo(Http.json("[]"));
    }

    @Test
    void aFolderListsItsWeightFilesWithIndexTimesAndSize() throws Exception {
        Files.createDirectories(models("loras/style/.hidden"));
        Files.createDirectories(dir.resolve("more-loras"));
        Files.write(models("loras/b.safetensors"), new byte[3]);
        Files.write(models("loras/a.pt"), new byte[2]);
        Files.write(models("loras/readme.txt"), new byte[1]);
        Files.write(models("loras/.c.safetensors"), new byte[1]);
        Files.write(models("loras/style/s.SFT"), new byte[4]);
        Files.write(models("loras/style/.hidden/h.pt"), new byte[4]);
        Files.write(dir.resolve("more-loras/x.ckpt"), new byte[5]);
        JsonNode files = fx.http.get("/api/experiment/models/loras").json();
        assertThat(files.findValuesAsText("name")).containsExactly("a.pt", "b.safetensors", "style/s.SFT", "x.ckpt");
        assertThat(files.findValues("pathIndex").stream().map(JsonNode::asInt)).containsExactly(0, 0, 0, 1);
        assertThat(files.findValues("size").stream().map(JsonNode::asInt)).containsExactly(2, 3, 4, 5);
        JsonNode first = files.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("name", "pathIndex", "modified", "created", "size");
        assertThat(first.path("modified").isFloatingPointNumber()).isTrue();
        assertThat((long) first.path("modified").asDouble()).isEqualTo(Files.getLastModifiedTime(models("loras/a.pt")).toMillis() / 1000);
    }

    @Test
    void unknownFoldersAndLegacyNamesAre404() {
        assertThat(fx.http.get("/experiment/models/nothing").status()).isEqualTo(404);
        assertThat(fx.http.get("/experiment/models/unet").status()).isEqualTo(404);
        assertThat(fx.http.get("/experiment/models/vae").json()).isEqualTo(Http.json("[]"));
    }

    @Test
    void aPreviewBesideTheModelIsServedAsWebp() throws Exception {
        Files.createDirectories(models("checkpoints/sd"));
        Files.write(models("checkpoints/sd/m.safetensors"), safetensors("{}"));
        Files.write(models("checkpoints/sd/m.preview.png"), png(3, 2, 0xFF102030));
        Http.Response preview = fx.http.get("/experiment/models/preview/checkpoints/0/sd/m.safetensors");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Content-Type")).isEqualTo("image/webp");
        byte[] webp = preview.bytes();
        assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WEBPVP8L");
        int bits = ByteBuffer.wrap(webp, 21, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(bits & 0x3FFF).as("width - 1").isEqualTo(2);
        assertThat((bits >>> 14) & 0x3FFF).as("height - 1").isEqualTo(1);
    }

    @Test
    void aWebpPreviewIsSentAsItIsAndCoverImagesComeFromTheMetadata() throws Exception {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8L-already".getBytes(StandardCharsets.US_ASCII);
        Files.write(models("loras/w.safetensors"), safetensors("{}"));
        Files.write(models("loras/w.webp"), webp);
        assertThat(fx.http.get("/experiment/models/preview/loras/0/w.safetensors").bytes()).isEqualTo(webp);

        String cover = Base64.getEncoder().encodeToString(png(5, 4, 0xFFFFFFFF));
        Files.write(models("loras/c.safetensors"), safetensors("{\"ssmd_cover_images\":\"[\\\"" + cover + "\\\"]\"}"));
        Http.Response embedded = fx.http.get("/experiment/models/preview/loras/0/c.safetensors");
        assertThat(embedded.status()).isEqualTo(200);
        int bits = ByteBuffer.wrap(embedded.bytes(), 21, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(bits & 0x3FFF).isEqualTo(4);
    }

    @Test
    void previewRefusalsFollowComfyUI() throws Exception {
        Files.write(models("loras/n.safetensors"), safetensors("{}"));
        Files.writeString(dir.resolve("secret.png"), "x");
        assertThat(fx.http.get("/experiment/models/preview/loras/0/n.safetensors").status()).as("no preview").isEqualTo(404);
        assertThat(fx.http.get("/experiment/models/preview/nothing/0/n.safetensors").status()).isEqualTo(404);
        assertThat(fx.http.get("/experiment/models/preview/loras/x/n.safetensors").status()).isEqualTo(400);
        assertThat(fx.http.get("/experiment/models/preview/loras/0/").status()).isEqualTo(400);
        assertThat(fx.http.get("/experiment/models/preview/loras/2/n.safetensors").status()).isEqualTo(404);
        assertThat(fx.http.get("/experiment/models/preview/loras/-1/n.safetensors").status()).isEqualTo(404);
        assertThat(fx.http.get("/experiment/models/preview/loras/0/..%2F..%2Fsecret.safetensors").status()).isEqualTo(403);
        Files.writeString(models("loras/bad.png"), "not a png");
        Files.write(models("loras/bad.safetensors"), safetensors("{}"));
        assertThat(fx.http.get("/experiment/models/preview/loras/0/bad.safetensors").status()).isEqualTo(404);
    }

    @Test
    void aPreviewThatLinksOutOfTheFolderIs403() throws Exception {
        Path outside = Files.write(dir.resolve("outside.png"), png(1, 1, 0xFF000000));
        Files.write(models("loras/l.safetensors"), safetensors("{}"));
        Files.createSymbolicLink(models("loras/l.png"), outside);
        assertThat(fx.http.get("/experiment/models/preview/loras/0/l.safetensors").status()).isEqualTo(403);
    }
}
