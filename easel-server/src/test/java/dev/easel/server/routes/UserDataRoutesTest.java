package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UserDataRoutesTest extends ServerTest {

    private Path home() {
        return fx.config.folders().user().resolve("default");
    }

    private Http.Response post(String path, String body) {
        return fx.http.send(fx.http.request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void answers(Http.Response response, int status, String text) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.text()).isEqualTo(text);
    }

    private Http.Response delete(String path) {
        return fx.http.send(fx.http.request(path).DELETE().build());
    }

    private void file(String relative, String content) throws Exception {
        Path file = home().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aFileWrittenWithAnEncodedSlashLandsInItsFolderAndReadsBack() throws Exception {
        Http.Response written = post("/userdata/workflows%2Fmy%20flow.json", "{\"nodes\": []}");
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.json().asText()).isEqualTo("workflows/my flow.json");
        assertThat(Files.readString(home().resolve("workflows/my flow.json"))).isEqualTo("{\"nodes\": []}");

        Http.Response read = fx.http.get("/api/userdata/workflows%2Fmy%20flow.json");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text()).isEqualTo("{\"nodes\": []}");
        assertThat(read.header("Content-Type")).isEqualTo("application/json");
        assertThat(read.header("Content-Disposition")).isEqualTo("attachment");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aNameEncodedTwiceIsDecodedAgainAsComfyUIDoes() throws Exception {
        file("workflows/a.json", "A");
        assertThat(fx.http.get("/userdata/workflows%252Fa.json").text()).isEqualTo("A");
    }

    @Test
    void writingWithOverwriteFalseRefusesAnExistingFileAndKeepsIt() throws Exception {
        file("a.json", "old");
        answers(post("/userdata/a.json?overwrite=false", "new"), 409, "File already exists");
        assertThat(Files.readString(home().resolve("a.json"))).isEqualTo("old");
        assertThat(post("/userdata/a.json?overwrite=False", "new").status()).as("only 'false' turns it off").isEqualTo(200);
        assertThat(Files.readString(home().resolve("a.json"))).isEqualTo("new");
    }

    @Test
    void fullInfoDescribesTheFileJustWritten() throws Exception {
        JsonNode info = post("/userdata/sub%2Fb.txt?full_info=true", "hello").json();
        Path file = home().resolve("sub/b.txt");
        assertThat(info.path("path").asText()).isEqualTo("sub/b.txt");
        assertThat(info.path("size").asLong()).isEqualTo(5);
        assertThat(info.path("modified").asLong()).isEqualTo(Files.getLastModifiedTime(file).toMillis());
        assertThat(info.path("created").isIntegralNumber()).isTrue();
        assertThat(info.fieldNames()).toIterable().containsExactly("path", "size", "modified", "created");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        for (int i = 0; i < 5; i++) assertThat(post("/userdata/c.json", "v" + i).status()).isEqualTo(200);
        try (var entries = Files.list(home())) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("c.json");
        }
        assertThat(Files.readString(home().resolve("c.json"))).isEqualTo("v4");
    }

    @Test
    void listingGivesRelativePathsFlatRecursiveSplitOrWithInfo() throws Exception {
        file("workflows/b.json", "bb");
        file("workflows/a.json", "a");
        file("workflows/deep/c.json", "ccc");
        file("workflows/.hidden.json", "h");
        file("workflows/.git/x.json", "x");
        assertThat(fx.http.get("/userdata?dir=workflows").json()).isEqualTo(Http.json("[\"a.json\",\"b.json\"]"));
        assertThat(fx.http.get("/userdata?dir=workflows&recurse=true").json())
                .isEqualTo(Http.json("[\"a.json\",\"b.json\",\"deep/c.json\"]"));
        assertThat(fx.http.get("/userdata?dir=workflows&recurse=true&split=true").json())
                .isEqualTo(Http.json("[[\"a.json\",\"a.json\"],[\"b.json\",\"b.json\"],[\"deep/c.json\",\"deep\",\"c.json\"]]"));
        JsonNode full = fx.http.get("/userdata?dir=workflows&recurse=true&full_info=true&split=true").json();
        assertThat(full).hasSize(3);
        assertThat(full.get(2).path("path").asText()).isEqualTo("deep/c.json");
        assertThat(full.get(2).path("size").asInt()).isEqualTo(3);
    }

    @Test
    void listingErrorsAreComfyUIsPlainTexts() throws Exception {
        Http.Response none = fx.http.get("/userdata");
        answers(none, 400, "Directory not provided");
        assertThat(none.header("Content-Type")).isEqualTo("text/plain;charset=utf-8");
        answers(fx.http.get("/userdata?dir=nothing"), 404, "Directory not found");
        answers(fx.http.get("/userdata?dir=..%2F.."), 403, "Invalid directory");
    }

    @Test
    void traversalOutOfTheUsersDirectoryIsRefusedEverywhere() throws Exception {
        Files.writeString(fx.config.folders().user().resolve("users.json"), "{}");
        Files.createDirectories(fx.config.folders().user().resolve("other"));
        Files.writeString(fx.config.folders().user().resolve("other/secret.json"), "secret");
        assertThat(fx.http.get("/userdata/..%2Fother%2Fsecret.json").status()).isEqualTo(403);
        assertThat(fx.http.get("/userdata/..%252Fother%252Fsecret.json").status()).isEqualTo(403);
        assertThat(post("/userdata/..%2Fusers.json", "{\"x\":1}").status()).isEqualTo(403);
        assertThat(delete("/userdata/..%2Fusers.json").status()).isEqualTo(403);
        assertThat(post("/userdata/..%2F..%2Fescaped.json", "x").status()).isEqualTo(403);
        assertThat(Files.readString(fx.config.folders().user().resolve("users.json"))).isEqualTo("{}");
        assertThat(dir.resolve("escaped.json")).doesNotExist();
    }

    @Test
    void aLinkOutOfTheUsersDirectoryIsNotFollowed() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "outside");
        Files.createDirectories(home());
        Files.createSymbolicLink(home().resolve("link.txt"), outside);
        assertThat(fx.http.get("/userdata/link.txt").status()).isEqualTo(403);
        assertThat(post("/userdata/link.txt", "overwritten").status()).isEqualTo(403);
        assertThat(Files.readString(outside)).isEqualTo("outside");
        assertThat(fx.http.get("/userdata?dir=.").json()).isEqualTo(Http.json("[]"));
    }

    @Test
    void markupAndScriptsAreDownloadsButTheUsersOwnStyleSheetIsInline() throws Exception {
        file("page.html", "<script>alert(1)</script>");
        file("tool.js", "alert(1)");
        file("picture.svg", "<svg/>");
        file("user.css", "body{}");
        for (String name : new String[] {"page.html", "tool.js", "picture.svg"}) {
            Http.Response r = fx.http.get("/userdata/" + name);
            assertThat(r.header("Content-Type")).as(name).isEqualTo("application/octet-stream");
            assertThat(r.header("Content-Disposition")).as(name).isEqualTo("attachment");
        }
        Http.Response css = fx.http.get("/userdata/user.css");
        assertThat(css.header("Content-Type")).isEqualTo("text/css");
        assertThat(css.header("Content-Disposition")).isEqualTo("inline");
        file("sub/user.css", "body{}");
        assertThat(fx.http.get("/userdata/sub%2Fuser.css").header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void readingAndDeletingAMissingFileIs404() {
        assertThat(fx.http.get("/userdata/none.json").status()).isEqualTo(404);
        assertThat(delete("/userdata/none.json").status()).isEqualTo(404);
    }

    @Test
    void deletingAFileIs204AndRemovesIt() throws Exception {
        file("d.json", "x");
        Http.Response deleted = delete("/api/userdata/d.json");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(home().resolve("d.json")).doesNotExist();
    }

    @Test
    void movingRenamesRespectsOverwriteAndAnswersTheNewPath() throws Exception {
        file("workflows/a.json", "A");
        file("workflows/b.json", "B");
        Http.Response refused = post("/userdata/workflows%2Fa.json/move/workflows%2Fb.json?overwrite=false", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Files.readString(home().resolve("workflows/b.json"))).isEqualTo("B");
        Http.Response moved = post("/userdata/workflows%2Fa.json/move/archive%2Fa2.json", "");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().asText()).isEqualTo("archive/a2.json");
        assertThat(Files.readString(home().resolve("archive/a2.json"))).isEqualTo("A");
        assertThat(home().resolve("workflows/a.json")).doesNotExist();
        assertThat(post("/userdata/workflows%2Fmissing.json/move/x.json", "").status()).isEqualTo(404);
        JsonNode info = post("/userdata/workflows%2Fb.json/move/c.json?full_info=true", "").json();
        assertThat(info.path("path").asText()).isEqualTo("c.json");
        assertThat(info.path("size").asInt()).isEqualTo(1);
    }

    @Test
    void theV2ListingWalksTheTreeDirectoriesFirst() throws Exception {
        file("workflows/b.json", "bb");
        file("workflows/Sub/a.json", "a");
        file("Zeta.txt", "z");
        Path stamped = home().resolve("Zeta.txt");
        Files.setLastModifiedTime(stamped, FileTime.from(Instant.parse("2025-04-27T10:00:00.250Z")));
        JsonNode all = fx.http.get("/v2/userdata").json();
        assertThat(all).isEqualTo(Http.json("""
                [{"name":"Sub","path":"workflows/Sub","type":"directory"},
                 {"name":"workflows","path":"workflows","type":"directory"},
                 {"name":"a.json","path":"workflows/Sub/a.json","type":"file","size":1,"modified":%s},
                 {"name":"b.json","path":"workflows/b.json","type":"file","size":2,"modified":%s},
                 {"name":"Zeta.txt","path":"Zeta.txt","type":"file","size":1,"modified":1745748000.25}]
                """.formatted(mtime("workflows/Sub/a.json"), mtime("workflows/b.json"))));
        assertThat(fx.http.get("/v2/userdata").text()).contains("\"modified\":1745748000.25}");
        assertThat(fx.http.get("/v2/userdata?path=workflows%2FSub").json())
                .isEqualTo(Http.json("[{\"name\":\"a.json\",\"path\":\"workflows/Sub/a.json\",\"type\":\"file\",\"size\":1,\"modified\":"
                        + mtime("workflows/Sub/a.json") + "}]"));
    }

    private String mtime(String relative) throws Exception {
        Instant t = Files.getLastModifiedTime(home().resolve(relative)).toInstant();
        return Double.toString(t.getEpochSecond() + t.getNano() * 1e-9);
    }

    @Test
    void theV2ListingOfAUserWithoutFilesIsEmptyAndItsErrorsArePlainText() throws Exception {
        assertThat(fx.http.get("/v2/userdata").json()).isEqualTo(Http.json("[]"));
        answers(fx.http.get("/v2/userdata?path=nothing"), 404, "Requested path not found");
        file("f.txt", "x");
        answers(fx.http.get("/v2/userdata?path=f.txt"), 400, "Requested path is not a directory");
        answers(fx.http.get("/v2/userdata?path=..%2F.."), 400, "Invalid path requested");
    }

    @Test
    void anUnwritableNameIsA400WithComfyUIsReason() throws Exception {
        file("taken", "a file where a folder is needed");
        answers(post("/userdata/taken%2Finner.json", "x"), 400, UserDataRoutes.INVALID_NAME);
        assertThat(new String(Files.readAllBytes(home().resolve("taken")), StandardCharsets.UTF_8))
                .isEqualTo("a file where a folder is needed");
    }
}
