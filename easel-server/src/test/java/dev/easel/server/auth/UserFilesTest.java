package dev.easel.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.testkit.TestNodes;
import dev.easel.tensor.image.Pixels8;
import dev.easel.tensor.png.PngEncoder;
import dev.easel.testkit.Http;
import dev.easel.testkit.Multipart;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --auth} and files, over real HTTP: each user's jobs save into and load from their own
 * folders, the file routes and user data reach only the caller's, and an admin reaches a user's
 * by name.
 */
class UserFilesTest extends ServerTest {
    private String alice;
    private String bob;
    private String root;

    @Override
    protected NodeRegistry registry() {
        return TestNodes.withCoreNodes(PackEnvironment.under(dir));
    }

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        Accounts accounts = Accounts.open(defaults.folders().user());
        alice = accounts.add("alice", Identity.Role.USER);
        bob = accounts.add("bob", Identity.Role.USER);
        root = accounts.add("root", Identity.Role.ADMIN);
        return defaults.withAuth(true);
    }

    private Http as(String token) {
        return fx.http.withToken(token);
    }

    private static Map<String, Object> save(String prefix) {
        return map("1", map("class_type", "EmptyImage", "inputs", map("width", 2, "height", 2, "batch_size", 1, "color", 255)),
                "2", map("class_type", "SaveImage", "inputs", map("images", List.of("1", 0), "filename_prefix", prefix)));
    }

    private static Map<String, Object> load(String image) {
        return map("1", map("class_type", "LoadImage", "inputs", map("image", image)),
                "2", map("class_type", "PreviewImage", "inputs", map("images", List.of("1", 0))));
    }

    private JsonNode run(String token, Map<String, Object> prompt) throws InterruptedException {
        Http.Response queued = as(token).postJson("/prompt", map("prompt", prompt));
        assertThat(queued.status()).as(queued.text()).isEqualTo(200);
        String id = queued.json().path("prompt_id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode entry = as(token).get("/history/" + id).json().path(id);
            if (!entry.isMissingNode()) {
                assertThat(entry.path("status").path("status_str").asText()).as(entry.toString()).isEqualTo("success");
                return entry.path("outputs").path("2").path("images").get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("prompt " + id + " never finished");
    }

    private Http.Response upload(String token, String query, String filename, byte[] content) {
        Multipart form = new Multipart().file("image", filename, content);
        return as(token).send(as(token).request("/upload/image" + query, "Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build());
    }

    private static byte[] png(int grey) {
        byte g = (byte) grey;
        return new PngEncoder(1).encode(new Pixels8(1, 1, 3, new byte[] {g, g, g}));
    }

    private List<String> inputChoices(String token) {
        List<String> names = new ArrayList<>();
        as(token).get("/object_info/LoadImage").json().path("LoadImage").path("input").path("required").path("image")
                .get(0).forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void eachUserSavesIntoTheirOwnOutputFolderEvenForTheSamePromptAndViewsOnlyTheirOwn() throws Exception {
        JsonNode alices = run(alice, save("same"));
        JsonNode bobs = run(bob, save("same"));

        // the same prompt is not served to bob from alice's run: his image is saved in his folder
        assertThat(alices.path("filename").asText()).isEqualTo("same_00001_.png");
        assertThat(bobs.path("filename").asText()).isEqualTo("same_00001_.png");
        assertThat(alices.path("subfolder").asText()).isEmpty();
        Path alicesFile = fx.config.folders().output().resolve("alice").resolve("same_00001_.png");
        Path bobsFile = fx.config.folders().output().resolve("bob").resolve("same_00001_.png");
        assertThat(alicesFile).isRegularFile();
        assertThat(bobsFile).isRegularFile();
        assertThat(fx.config.folders().output().resolve("same_00001_.png")).doesNotExist();

        Files.write(bobsFile, png(7));
        String view = "/view?filename=same_00001_.png&type=output";
        assertThat(as(alice).get(view).bytes()).isEqualTo(Files.readAllBytes(alicesFile));
        assertThat(as(bob).get(view).bytes()).isEqualTo(png(7));
        assertThat(as(root).get(view).status()).isEqualTo(404);
        // nor can a subfolder or a traversal climb out into the shared folder
        assertThat(as(bob).get("/view?filename=same_00001_.png&subfolder=../alice").status()).isEqualTo(403);
    }

    @Test
    void anAdminReachesAUsersFilesByNameAndNobodyElseMay() throws Exception {
        run(alice, save("mine"));
        byte[] alicesBytes = Files.readAllBytes(fx.config.folders().output().resolve("alice").resolve("mine_00001_.png"));
        assertThat(as(root).get("/view?filename=mine_00001_.png&user=alice").bytes()).isEqualTo(alicesBytes);
        assertThat(as(alice).get("/view?filename=mine_00001_.png&user=alice").bytes()).isEqualTo(alicesBytes);

        Http.Response refused = as(bob).get("/view?filename=mine_00001_.png&user=alice");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).isEqualTo(Http.json("{\"error\": {\"type\": \"forbidden\", "
                + "\"message\": \"only an admin may reach another user's files and data\", "
                + "\"details\": \"The token's user bob named the user alice\", \"extra_info\": {}}, \"node_errors\": {}}"));
        assertThat(upload(bob, "?user=alice", "planted.png", png(1)).status()).isEqualTo(403);
        assertThat(fx.config.folders().input().resolve("alice").resolve("planted.png")).doesNotExist();
        assertThat(as(bob).get("/internal/files/output?user=alice").status()).isEqualTo(403);

        assertThat(as(root).get("/internal/files/output?user=alice").json()).isEqualTo(Http.json("[\"mine_00001_.png\"]"));
        assertThat(as(root).get("/view?filename=mine_00001_.png&user=..").status()).isEqualTo(400);
        assertThat(upload(root, "?user=alice", "given.png", png(2)).status()).isEqualTo(200);
        assertThat(fx.config.folders().input().resolve("alice").resolve("given.png")).hasBinaryContent(png(2));
    }

    @Test
    void anUploadIsTheUploadersAndOnlyTheirLoadersListValidateAndReadIt() throws Exception {
        Http.Response uploaded = upload(alice, "", "secret.png", png(200));
        assertThat(uploaded.json()).isEqualTo(Http.json("{\"name\": \"secret.png\", \"subfolder\": \"\", \"type\": \"input\"}"));
        assertThat(fx.config.folders().input().resolve("alice").resolve("secret.png")).hasBinaryContent(png(200));

        assertThat(inputChoices(alice)).containsExactly("secret.png");
        assertThat(inputChoices(bob)).isEmpty();
        assertThat(as(alice).get("/internal/files/input").json()).isEqualTo(Http.json("[\"secret.png\"]"));
        assertThat(as(bob).get("/internal/files/input").json()).isEqualTo(Http.json("[]"));
        assertThat(as(bob).get("/view?filename=secret.png&type=input").status()).isEqualTo(404);

        Http.Response bobsLoad = as(bob).postJson("/prompt", map("prompt", load("secret.png")));
        assertThat(bobsLoad.status()).isEqualTo(400);
        JsonNode error = bobsLoad.json().path("node_errors").path("1").path("errors").get(0);
        assertThat(error.path("type").asText()).isEqualTo("custom_validation_failed");
        assertThat(error.path("details").asText()).isEqualTo("image - Invalid image file: secret.png");
        JsonNode preview = run(alice, load("secret.png"));
        assertThat(preview.path("type").asText()).isEqualTo("temp");
        assertThat(fx.config.folders().temp().resolve("alice").resolve(preview.path("filename").asText())).isRegularFile();
        assertThat(as(alice).get("/view?type=temp&filename=" + preview.path("filename").asText()).status()).isEqualTo(200);
        assertThat(as(bob).get("/view?type=temp&filename=" + preview.path("filename").asText()).status()).isEqualTo(404);
    }

    @Test
    void aLoaderAnnotatedWithOutputReadsTheUsersOwnOutputOnly() throws Exception {
        run(alice, save("made"));
        assertThat(run(alice, load("made_00001_.png [output]")).path("type").asText()).isEqualTo("temp");
        Http.Response bobs = as(bob).postJson("/prompt", map("prompt", load("made_00001_.png [output]")));
        assertThat(bobs.status()).isEqualTo(400);
        assertThat(bobs.json().path("error").path("type").asText()).isEqualTo("prompt_outputs_failed_validation");
    }

    @Test
    void settingsAndUserDataAreEachUsersOwnAndAnAdminReachesThemByName() {
        assertThat(as(alice).postJson("/settings/Comfy.Theme", "dark").status()).isEqualTo(200);
        assertThat(as(alice).post("/userdata/workflows%2Fmine.json", "{\"nodes\": []}").status()).isEqualTo(200);

        assertThat(as(alice).get("/settings/Comfy.Theme").json()).isEqualTo(Http.json("\"dark\""));
        assertThat(as(bob).get("/settings").json()).isEqualTo(Http.json("{}"));
        assertThat(as(bob).get("/userdata/workflows%2Fmine.json").status()).isEqualTo(404);
        assertThat(as(bob).get("/settings?user=alice").status()).isEqualTo(403);
        assertThat(as(bob).postJson("/settings/Comfy.Theme?user=alice", "light").status()).isEqualTo(403);
        assertThat(as(bob).get("/userdata/workflows%2Fmine.json?user=alice").status()).isEqualTo(403);

        assertThat(as(root).get("/settings").json()).isEqualTo(Http.json("{}"));
        assertThat(as(root).get("/settings?user=alice").json()).isEqualTo(Http.json("{\"Comfy.Theme\": \"dark\"}"));
        assertThat(as(root).get("/userdata/workflows%2Fmine.json?user=alice").text()).isEqualTo("{\"nodes\": []}");
        assertThat(as(root).postJson("/settings/Comfy.Theme?user=alice", "light").status()).isEqualTo(200);
        assertThat(as(alice).get("/settings/Comfy.Theme").json()).isEqualTo(Http.json("\"light\""));
        assertThat(fx.config.folders().user().resolve("alice").resolve("workflows").resolve("mine.json")).isRegularFile();
    }
}
