package dev.easel.server.routes;

import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A built front end served from {@code --front-end-root}, with ComfyUI's cache headers (§1.1–1.2). */
class FrontEndTest extends ServerTest {
    private static final String INDEX = "<!doctype html><html><head><script type=\"module\" src=\"./assets/index-abc.js\">"
            + "</script><link rel=\"stylesheet\" href=\"./assets/index-abc.css\"></head><body></body></html>";

    @Override
    protected ServerConfig configure(ServerConfig c) {
        Path root = c.folders().base().resolve("web");
        try {
            Files.createDirectories(root.resolve("assets"));
            Files.createDirectories(root.resolve("extensions/core"));
            Files.createDirectories(root.resolve("docs"));
            Files.writeString(root.resolve("index.html"), INDEX);
            Files.writeString(root.resolve("assets/index-abc.js"), "console.log(1)");
            Files.writeString(root.resolve("assets/index-abc.css"), "body{}");
            Files.write(root.resolve("assets/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            Files.writeString(root.resolve("assets/index-en.json"), "{}");
            Files.writeString(root.resolve("extensions/core/widgets.js"), "export {}");
            Files.writeString(root.resolve("docs/index.html"), "docs");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return c.withFrontEndRoot(Optional.of(root));
    }

    @Test
    void theIndexIsServedAsItIsAndNeverCached() {
        for (String path : new String[] {"/", "/index.html"}) {
            Http.Response index = fx.http.get(path);
            assertThat(index.status()).as(path).isEqualTo(200);
            assertThat(index.text()).as(path).isEqualTo(INDEX);
            assertThat(index.header("Content-Type")).as(path).startsWith("text/html");
        }
        Http.Response root = fx.http.get("/");
        assertThat(root.header("Cache-Control")).isEqualTo("no-store, must-revalidate");
        assertThat(root.header("Pragma")).isEqualTo("no-cache");
        assertThat(root.header("Expires")).isEqualTo("0");
    }

    @Test
    void scriptsStylesAndIndexJsonRevalidateAndImagesAreCachedByStatus() {
        Http.Response script = fx.http.get("/assets/index-abc.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.text()).isEqualTo("console.log(1)");
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(fx.http.get("/assets/index-abc.css").header("Cache-Control")).isEqualTo("no-cache");
        assertThat(fx.http.get("/assets/index-en.json").header("Cache-Control")).isEqualTo("no-cache");
        Http.Response logo = fx.http.get("/assets/logo.png");
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Cache-Control")).isEqualTo("public, max-age=86400");
        Http.Response missing = fx.http.get("/assets/missing.png");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Cache-Control")).isEqualTo("public, max-age=3600");
    }

    @Test
    void extensionsAreListedFromTheFrontEnd() {
        assertThat(fx.http.get("/extensions").json()).isEqualTo(Http.json("[\"/extensions/core/widgets.js\"]"));
    }

    @Test
    void nothingOutsideTheRootIsServed() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        assertThat(fx.http.get("/../secret.txt").status()).isIn(400, 404);
        assertThat(fx.http.get("/%2e%2e/secret.txt").status()).isIn(400, 404);
        assertThat(fx.http.get("/assets/..%2F..%2Fsecret.txt").status()).isIn(400, 404);
    }

    /** A redirect naming this server's own address would lead a browser behind a proxy astray. */
    @Test
    void aFolderServesItsIndexWithoutRedirecting() {
        Http.Response folder = fx.http.get("/docs");
        assertThat(folder.status()).isEqualTo(200);
        assertThat(folder.header("Location")).isNull();
        assertThat(folder.text()).isEqualTo("docs");
        Http.Response withSlash = fx.http.get("/docs/");
        assertThat(withSlash.status()).isEqualTo(200);
        assertThat(withSlash.text()).isEqualTo("docs");
    }

    @Test
    void apiRoutesStillWinOverFiles() {
        assertThat(fx.http.get("/system_stats").json().has("devices")).isTrue();
        assertThat(fx.http.get("/api/system_stats").json().has("devices")).isTrue();
    }
}
