package dev.easel.server.routes;

import dev.easel.server.testkit.ServerFixture;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Easel's own page: {@code index.html} at {@code /} and its files under {@code /page/}, from the jar. */
class PageRoutesTest {
    private static final Pattern INDEX_LINK = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from '(\\./[^']+)'");

    @TempDir
    Path dir;

    /** Every file the page names, followed from index.html through the modules' imports. */
    private static Set<String> pageFiles(Http http) {
        Set<String> files = new LinkedHashSet<>();
        Matcher links = INDEX_LINK.matcher(http.get("/").text());
        while (links.find()) files.add(links.group(1));
        List<String> modules = new ArrayList<>(files.stream().filter(f -> f.endsWith(".js")).toList());
        for (int i = 0; i < modules.size(); i++) {
            Matcher imports = IMPORT.matcher(http.get("/" + modules.get(i)).text());
            while (imports.find()) {
                String module = "page/" + imports.group(1).substring(2);
                if (files.add(module)) modules.add(module);
            }
        }
        return files;
    }

    @Test
    void everyFileThePageNamesIsServedRelativelyWithItsTypeAndComfyUisCacheRule() {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            Http.Response index = fx.http.get("/");
            assertThat(index.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
            assertThat(index.header("Cache-Control")).isEqualTo("no-store, must-revalidate");
            Set<String> files = pageFiles(fx.http);
            assertThat(files).contains("page/main.js", "page/page.css", "page/icon.svg", "page/api.js", "page/socket.js",
                    "page/form.js", "page/views.js", "page/workflow.js");
            // relative addresses only: the page also works under a reverse proxy's sub-path
            assertThat(files).allMatch(f -> !f.startsWith("/") && !f.contains("//"));
            for (String file : files) {
                Http.Response response = fx.http.get("/" + file);
                assertThat(response.status()).as(file).isEqualTo(200);
                assertThat(response.header("X-Content-Type-Options")).as(file).isEqualTo("nosniff");
                String type = response.header("Content-Type");
                if (file.endsWith(".js")) {
                    assertThat(type).as(file).isEqualTo("text/javascript; charset=utf-8");
                    assertThat(response.header("Cache-Control")).as(file).isEqualTo("no-cache");
                } else if (file.endsWith(".css")) {
                    assertThat(type).as(file).isEqualTo("text/css; charset=utf-8");
                    assertThat(response.header("Cache-Control")).as(file).isEqualTo("no-cache");
                } else {
                    assertThat(type).as(file).isEqualTo("image/svg+xml");
                }
            }
        }
    }

    @Test
    void theBuiltInWorkflowIsTheDefaultExample() throws Exception {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            Http.Response workflow = fx.http.get("/page/default-text-to-image.json");
            assertThat(workflow.status()).isEqualTo(200);
            assertThat(workflow.header("Content-Type")).isEqualTo("application/json");
            assertThat(workflow.bytes()).isEqualTo(Files.readAllBytes(Path.of("..", "examples", "default-text-to-image.json")));
        }
    }

    @Test
    void namesOutsideThePagesFolderAre404() {
        try (ServerFixture fx = ServerFixture.start(dir, TestNodes.registry())) {
            for (String path : List.of("/page/missing.js", "/page/index.html", "/page/..%2Fpage%2Fmain.js", "/page/%2e%2e",
                    "/page/Main.js", "/page/main.js.map", "/page/dev/easel/server/routes/PageRoutes.class")) {
                assertThat(fx.http.get(path).status()).as(path).isEqualTo(404);
            }
        }
    }
}
