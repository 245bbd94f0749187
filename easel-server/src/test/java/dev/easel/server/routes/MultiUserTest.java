package dev.easel.server.routes;

import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerFixture;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Files;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --multi-user} (§6.1): the {@code comfy-user} header picks one of the users of {@code users.json}. */
class MultiUserTest extends ServerTest {

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        return defaults.withMultiUser(true);
    }

    private String addUser(String name) {
        Http.Response added = fx.http.postJson("/users", map("username", name));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        return added.json().asText();
    }

    @Test
    void usersAreListedByIdWithTheirNames() {
        assertThat(fx.http.get("/users").json()).isEqualTo(Http.json("{\"storage\":\"server\",\"users\":{}}"));
        String ana = addUser("Ana");
        String bo = addUser("Bo");
        assertThat(fx.http.get("/users").text())
                .isEqualTo("{\"storage\":\"server\",\"users\":{\"" + ana + "\":\"Ana\",\"" + bo + "\":\"Bo\"}}");
    }

    @Test
    void eachUserHasTheirOwnSettingsAndFiles() throws Exception {
        String ana = addUser("Ana");
        String bo = addUser("Bo");
        fx.http.send(fx.http.request("/settings", "comfy-user", ana, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"theme\":\"dark\"}")).build());
        fx.http.send(fx.http.request("/userdata/workflows%2Fa.json", "comfy-user", bo)
                .POST(HttpRequest.BodyPublishers.ofString("bo's")).build());
        assertThat(fx.http.get("/settings", "comfy-user", ana).json()).isEqualTo(Http.json("{\"theme\":\"dark\"}"));
        assertThat(fx.http.get("/settings", "comfy-user", bo).json()).isEqualTo(Http.json("{}"));
        assertThat(fx.http.get("/userdata/workflows%2Fa.json", "comfy-user", bo).text()).isEqualTo("bo's");
        assertThat(fx.http.get("/userdata/workflows%2Fa.json", "comfy-user", ana).status()).isEqualTo(404);
        assertThat(Files.readString(fx.config.folders().user().resolve(bo).resolve("workflows/a.json"))).isEqualTo("bo's");
    }

    @Test
    void anUnknownOrMissingUserIsRefusedAndDefaultMustBeListedToBeUsed() throws Exception {
        Http.Response settings = fx.http.get("/settings", "comfy-user", "nobody");
        assertThat(settings.status()).isEqualTo(401);
        assertThat(fx.http.get("/settings").status()).as("no header means default, not listed").isEqualTo(401);
        assertThat(fx.http.get("/userdata?dir=x", "comfy-user", "nobody").status()).isEqualTo(403);
        Http.Response tree = fx.http.get("/v2/userdata", "comfy-user", "nobody");
        assertThat(tree.status()).isEqualTo(403);
        assertThat(tree.text()).isEqualTo("Invalid user specified in request");
        assertThat(fx.config.folders().user().resolve("nobody")).doesNotExist();
    }

    @Test
    void systemUsersAreRejectedEvenWhenListed() throws Exception {
        java.nio.file.Path base = dir.resolve("second");
        Files.createDirectories(base.resolve("user"));
        Files.writeString(base.resolve("user/users.json"), "{\"__system\": \"s\", \"..\": \"up\", \"default\": \"d\"}");
        try (var restarted = ServerFixture.start(base, TestNodes.registry(), c -> c.withMultiUser(true))) {
            assertThat(restarted.http.get("/settings").status()).as("default, now listed").isEqualTo(200);
            assertThat(restarted.http.get("/settings", "comfy-user", "__system").status()).isEqualTo(401);
            assertThat(restarted.http.get("/userdata?dir=x", "comfy-user", "..").status()).isEqualTo(403);
        }
    }

    @Test
    void aUsersFileThatIsNotJsonStopsTheStartWithTheReasonAndIsKept() throws Exception {
        java.nio.file.Path base = dir.resolve("third");
        Files.createDirectories(base.resolve("user"));
        Files.writeString(base.resolve("user/users.json"), "{\"a\": ");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ServerFixture.start(base, TestNodes.registry(), c -> c.withMultiUser(true)))
                .hasMessageContaining("users.json is not valid JSON").hasMessageContaining("fix or remove it");
        assertThat(Files.readString(base.resolve("user/users.json"))).isEqualTo("{\"a\": ");
    }
}
