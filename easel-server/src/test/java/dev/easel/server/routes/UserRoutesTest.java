package dev.easel.server.routes;

import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /users} without {@code --multi-user}: one user, {@code default}, whatever the header says. */
class UserRoutesTest extends ServerTest {

    @Test
    void singleUserReportsServerStorageAndWhetherTheUserDirectoryExists() throws Exception {
        assertThat(fx.http.get("/users").json()).isEqualTo(Http.json("{\"storage\":\"server\",\"migrated\":false}"));
        Files.createDirectories(fx.config.folders().user().resolve("default"));
        assertThat(fx.http.get("/api/users").json()).isEqualTo(Http.json("{\"storage\":\"server\",\"migrated\":true}"));
    }

    @Test
    void theComfyUserHeaderIsIgnoredWithoutMultiUser() {
        fx.http.postJson("/settings", map("a", 1));
        assertThat(fx.http.get("/settings", "comfy-user", "someone").json()).isEqualTo(Http.json("{\"a\":1}"));
        assertThat(fx.config.folders().user().resolve("someone")).doesNotExist();
    }

    @Test
    void addingAUserAnswersItsIdDerivedFromTheName() throws Exception {
        Http.Response added = fx.http.postJson("/users", map("username", "  Ana María!  "));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().asText()).matches("Ana-Mar-a-_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        Path users = fx.config.folders().user().resolve("users.json");
        assertThat(Http.json(Files.readString(users)).path(added.json().asText()).asText()).isEqualTo("Ana María!");
    }

    @Test
    void namesThatCannotBeUsersAre400WithTheReason() {
        assertThat(fx.http.postJson("/users", map("username", "default")).json())
                .isEqualTo(Http.json("{\"error\":\"Duplicate username.\"}"));
        assertThat(fx.http.postJson("/users", map("username", "   ")).json())
                .isEqualTo(Http.json("{\"error\":\"username not provided\"}"));
        assertThat(fx.http.postJson("/users", map("username", "__system")).json())
                .isEqualTo(Http.json("{\"error\":\"System User prefix not allowed\"}"));
        Http.Response noName = fx.http.postJson("/users", map("name", "x"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("error").asText()).isEqualTo("username not provided");
    }
}
