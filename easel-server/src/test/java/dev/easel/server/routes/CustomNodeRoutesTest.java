package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Node packs installed as folders under {@code <base>/custom_nodes}. */
class CustomNodeRoutesTest extends ServerTest {

    private Path pack(String relative, String content) throws Exception {
        Path file = dir.resolve("custom_nodes").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void templatesAreListedPerPackUnderEveryFolderAliasWithClashesRenamed() throws Exception {
        pack("pack-b/example_workflows/flow.json", "{\"b\":1}");
        pack("pack-b/example_workflows/notes.txt", "not a template");
        pack("pack-b/workflows/flow.json", "{\"b\":2}");
        pack("pack-b/examples/flow.json", "{\"b\":3}");
        pack("pack-a/examples/one.json", "{}");
        pack("no-templates/nodes.py", "");
        assertThat(fx.http.get("/workflow_templates").json())
                .isEqualTo(Http.json("{\"pack-a\":[\"one\"],\"pack-b\":[\"flow\",\"flow-examples\",\"flow-workflows\"]}"));
        Http.Response file = fx.http.get("/api/workflow_templates/pack-b/flow-workflows.json");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json()).isEqualTo(Http.json("{\"b\":2}"));
        assertThat(fx.http.get("/workflow_templates/pack-b/flow").status()).isEqualTo(404);
        assertThat(fx.http.get("/workflow_templates/pack-b/missing.json").status()).isEqualTo(404);
        assertThat(fx.http.get("/workflow_templates/nobody/flow.json").status()).isEqualTo(404);
    }

    @Test
    void aTemplateFolderLinkedUnderTwoAliasesIsReadOnce() throws Exception {
        Path examples = pack("pack/examples/flow.json", "{}").getParent();
        Files.createSymbolicLink(dir.resolve("custom_nodes/pack/example_workflows"), examples);
        assertThat(fx.http.get("/workflow_templates").json()).isEqualTo(Http.json("{\"pack\":[\"flow\"]}"));
    }

    @Test
    void translationsMergeMainFilesAndExtrasAcrossPacks() throws Exception {
        pack("a/locales/en/main.json", "{\"title\":\"A\",\"list\":[1],\"nested\":{\"x\":1}}");
        pack("a/locales/en/nodeDefs.json", "{\"NodeA\":{\"display_name\":\"Node A\"}}");
        pack("b/locales/en/main.json", "{\"title\":\"B\",\"list\":[2],\"nested\":{\"y\":2}}");
        pack("b/locales/en/settings.json", "{}");
        pack("b/locales/fr/commands.json", "{\"run\":\"Lancer\"}");
        pack("c/locales/en/main.json", "{broken");
        assertThat(fx.http.get("/i18n").json()).isEqualTo(Http.json("""
                {"en":{"title":"B","list":[1,2],"nested":{"x":1,"y":2},"nodeDefs":{"NodeA":{"display_name":"Node A"}}},
                 "fr":{"commands":{"run":"Lancer"}}}"""));
    }

    @Test
    void subgraphBlueprintsAreKeyedByTheHashOfTheirPathAndServedWithTheirText() throws Exception {
        Path file = pack("pack/subgraphs/Upscale twice.json", "{\"nodes\":[]}");
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("custom_node" + file.toAbsolutePath()).getBytes(StandardCharsets.UTF_8)));
        JsonNode all = fx.http.get("/global_subgraphs").json();
        assertThat(all).isEqualTo(Http.json("{\"" + id
                + "\":{\"source\":\"custom_node\",\"name\":\"Upscale twice\",\"info\":{\"node_pack\":\"custom_nodes.pack\"}}}"));
        assertThat(fx.http.get("/global_subgraphs/" + id).json()).isEqualTo(Http.json("{\"source\":\"custom_node\","
                + "\"name\":\"Upscale twice\",\"info\":{\"node_pack\":\"custom_nodes.pack\"},\"data\":\"{\\\"nodes\\\":[]}\"}"));
        Http.Response unknown = fx.http.get("/global_subgraphs/nope");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.text()).isEqualTo("null");
    }

    @Test
    void withoutPackFoldersEverythingIsEmpty() {
        assertThat(fx.http.get("/workflow_templates").json()).isEqualTo(Http.json("{}"));
        assertThat(fx.http.get("/i18n").json()).isEqualTo(Http.json("{}"));
        assertThat(fx.http.get("/global_subgraphs").json()).isEqualTo(Http.json("{}"));
        assertThat(fx.http.get("/api/node_replacements").json()).isEqualTo(Http.json("{}"));
    }
}
