package dev.easel.app.e2e;

import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The flags of the user-facing routes, through the server {@code easel} starts. */
class ServerFlagsTest {
    @TempDir
    Path base;

    @Test
    void multiUserKeepsEachUsersSettingsApartAndTheUsersAcrossRestarts() throws Exception {
        String ana;
        try (LiveServer server = LiveServer.app(base, "--multi-user")) {
            Http http = new Http(server.port());
            ana = http.postJson("/users", map("username", "Ana")).json().asText();
            String bo = http.postJson("/users", map("username", "Bo")).json().asText();
            http.send(http.request("/settings", "comfy-user", ana).POST(java.net.http.HttpRequest.BodyPublishers
                    .ofString("{\"Comfy.ColorPalette\":\"dark\"}")).build());
            assertThat(http.get("/settings", "comfy-user", ana).json()).isEqualTo(Http.json("{\"Comfy.ColorPalette\":\"dark\"}"));
            assertThat(http.get("/settings", "comfy-user", bo).json()).isEqualTo(Http.json("{}"));
            assertThat(http.get("/settings").status()).as("no header: default, who is not a user").isEqualTo(401);
        }
        try (LiveServer again = LiveServer.app(base, "--multi-user")) {
            Http http = new Http(again.port());
            assertThat(http.get("/users").json().path("users").path(ana).asText()).isEqualTo("Ana");
            assertThat(http.get("/settings/Comfy.ColorPalette", "comfy-user", ana).json().asText()).isEqualTo("dark");
        }
    }

    @Test
    void withoutMultiUserTheHeaderIsIgnored() throws Exception {
        try (LiveServer server = LiveServer.app(base)) {
            Http http = new Http(server.port());
            assertThat(http.get("/users").json()).isEqualTo(Http.json("{\"storage\":\"server\",\"migrated\":false}"));
            assertThat(http.get("/settings", "comfy-user", "anyone").json()).isEqualTo(Http.json("{}"));
        }
    }

    @Test
    void theFrontEndRootIsServedAtTheRoot() throws Exception {
        Path web = Files.createDirectories(base.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><script src=\"./main.js\"></script>");
        Files.writeString(web.resolve("main.js"), "1");
        try (LiveServer server = LiveServer.app(base, "--front-end-root", web.toString())) {
            Http http = new Http(server.port());
            assertThat(http.get("/").text()).isEqualTo("<!doctype html><script src=\"./main.js\"></script>");
            assertThat(http.get("/main.js").header("Cache-Control")).isEqualTo("no-cache");
        }
    }

    @Test
    void systemStatsReportsTheCommandLineAndFolderPathsTheNodePackFolder() throws Exception {
        Files.createDirectories(base.resolve("custom_nodes/pack/example_workflows"));
        Files.writeString(base.resolve("custom_nodes/pack/example_workflows/demo.json"), "{}");
        try (LiveServer server = LiveServer.app(base, "--listen", "127.0.0.1")) {
            Http http = new Http(server.port());
            assertThat(http.get("/system_stats").json().path("system").path("argv")).isEqualTo(Http.json(
                    "[\"easel\",\"--base-directory\",\"" + base + "\",\"--port\",\"0\",\"--listen\",\"127.0.0.1\"]"));
            assertThat(http.get("/internal/folder_paths").json().path("custom_nodes"))
                    .isEqualTo(Http.json("[\"" + base.resolve("custom_nodes").toAbsolutePath().normalize() + "\"]"));
            assertThat(http.get("/workflow_templates").json()).isEqualTo(Http.json("{\"pack\":[\"demo\"]}"));
        }
    }
}
