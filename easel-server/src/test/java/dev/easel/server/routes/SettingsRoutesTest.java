package dev.easel.server.routes;

import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsRoutesTest extends ServerTest {

    private Path settingsFile() {
        return fx.config.folders().user().resolve("default/comfy.settings.json");
    }

    @Test
    void aNewUserHasNoSettingsAndUnknownKeysAreNull() {
        assertThat(fx.http.get("/settings").json()).isEqualTo(Http.json("{}"));
        Http.Response one = fx.http.get("/api/settings/Comfy.Locale");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text()).isEqualTo("null");
    }

    @Test
    void postedSettingsMergeIntoTheFileAndReadBackOneByOne() throws Exception {
        Http.Response first = fx.http.postJson("/settings", map("Comfy.Locale", "en", "Comfy.Grid", 10));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.bytes()).isEmpty();
        fx.http.postJson("/settings", map("Comfy.Grid", 20, "Comfy.Theme", "dark"));
        assertThat(fx.http.get("/settings").json())
                .isEqualTo(Http.json("{\"Comfy.Locale\":\"en\",\"Comfy.Grid\":20,\"Comfy.Theme\":\"dark\"}"));
        assertThat(fx.http.get("/settings/Comfy.Grid").json().asInt()).isEqualTo(20);
        assertThat(Files.readString(settingsFile())).isEqualTo("""
                {
                    "Comfy.Locale": "en",
                    "Comfy.Grid": 20,
                    "Comfy.Theme": "dark"
                }""");
    }

    @Test
    void oneSettingTakesAnyJsonValue() {
        assertThat(fx.http.post("/settings/Comfy.Keybindings", "[{\"key\":\"k\"}]").status()).isEqualTo(200);
        assertThat(fx.http.post("/settings/Comfy.Flag", "false").status()).isEqualTo(200);
        assertThat(fx.http.get("/settings").json())
                .isEqualTo(Http.json("{\"Comfy.Keybindings\":[{\"key\":\"k\"}],\"Comfy.Flag\":false}"));
    }

    @Test
    void bodiesThatAreNotSettingsAre400AndChangeNothing() throws Exception {
        fx.http.postJson("/settings", map("kept", 1));
        Http.Response array = fx.http.post("/settings", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().path("error").asText()).isEqualTo("settings must be a JSON object");
        assertThat(fx.http.post("/settings/x", "{not json").status()).isEqualTo(400);
        assertThat(fx.http.get("/settings").json()).isEqualTo(Http.json("{\"kept\":1}"));
    }

    @Test
    void aCorruptSettingsFileIsReportedAndNeverOverwritten() throws Exception {
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "{\"half\": ");
        Http.Response read = fx.http.get("/settings");
        assertThat(read.status()).isEqualTo(500);
        assertThat(read.json().path("error").asText()).startsWith("comfy.settings.json is not valid JSON");
        assertThat(fx.http.postJson("/settings", map("a", 1)).status()).isEqualTo(500);
        assertThat(Files.readString(settingsFile())).isEqualTo("{\"half\": ");
    }
}
