package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteJobStoreTest extends JobStoreContractTest {
    @TempDir
    Path dir;
    private int created;

    @Override
    protected JobStore create(int maxHistory) {
        return SqliteJobStore.open(dir.resolve("store-" + created++).resolve(SqliteJobStore.FILE_NAME), maxHistory);
    }

    private Path file() {
        return dir.resolve("user").resolve(SqliteJobStore.FILE_NAME);
    }

    private SqliteJobStore reopen() {
        return SqliteJobStore.open(file(), 10_000);
    }

    @Test
    void queueHistoryAndCounterSurviveReopening() throws Exception {
        try (SqliteJobStore store = reopen()) {
            store.nextNumber();
            store.nextNumber();
            for (String id : List.of("a", "b", "c")) store.enqueue(item(IntNode.valueOf(store.pending(OwnerFilter.ALL).size()), id));
            runNext(store, "first-start");
        }
        try (SqliteJobStore store = reopen()) {
            assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("b", "c");
            assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("a");
            assertThat(store.nextNumber()).isEqualTo(2);
            assertThat(store.failAbandoned("stopped")).isEmpty();
        }
    }

    @Test
    void aClaimLeftByAnEarlierStartEndsFailedWithTheReason() throws Exception {
        try (SqliteJobStore store = reopen()) {
            store.enqueue(item(IntNode.valueOf(0), "cut-off"));
            store.enqueue(item(IntNode.valueOf(1), "next"));
            store.claim("old-instance", LEASE, Duration.ofSeconds(1)).orElseThrow();
        }
        try (SqliteJobStore store = reopen()) {
            assertThat(store.failAbandoned("The server stopped")).containsExactly("cut-off");
            HistoryEntry entry = store.history("cut-off", OwnerFilter.ALL).orElseThrow();
            assertThat(entry.statusStr()).isEqualTo("error");
            assertThat(entry.completed()).isFalse();
            assertThat(entry.message("execution_error").orElseThrow().path("exception_message").asText())
                    .isEqualTo("The server stopped (server instance old-instance)");
            assertThat(entry.message("execution_error").orElseThrow().path("exception_type").asText()).isEqualTo("ServerStopped");
            assertThat(store.job("cut-off", OwnerFilter.ALL).orElseThrow().status()).isEqualTo(JobView.Status.FAILED);
            assertThat(store.running(OwnerFilter.ALL)).isEmpty();
            assertThat(runNext(store, "new-instance")).isEqualTo("next");
            // a claim of this store's own owners is not abandoned
            store.enqueue(item(IntNode.valueOf(2), "mine"));
            store.claim("new-instance", LEASE, Duration.ofSeconds(1)).orElseThrow();
            assertThat(store.failAbandoned("The server stopped")).isEmpty();
        }
    }

    @Test
    void apiKeysNeverReachTheFile() throws Exception {
        try (SqliteJobStore store = reopen()) {
            QueueItem plain = item(IntNode.valueOf(0), "k");
            store.enqueue(new QueueItem(plain.number(), "k", plain.prompt(), plain.extraData(), plain.outputs(),
                    Map.of("auth_token_comfy_org", "secret-token"), plain.user()));
            assertThat(store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow().item().sensitive())
                    .containsEntry("auth_token_comfy_org", "secret-token");
        }
        for (Path file : List.of(file(), file().resolveSibling(SqliteJobStore.FILE_NAME + "-wal"))) {
            if (Files.exists(file)) assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("secret-token");
        }
        try (SqliteJobStore store = reopen()) {
            store.failAbandoned("stopped");
            assertThat(store.history("k", OwnerFilter.ALL).orElseThrow().item().sensitive()).isEmpty();
        }
    }

    @Test
    void theFileIsInWalModeAtTheLatestSchema() throws Exception {
        reopen().close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = db.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(mode.getString(1)).isEqualTo("wal");
            }
            try (ResultSet version = statement.executeQuery("SELECT version FROM schema_version")) {
                assertThat(version.getInt(1)).isEqualTo(SqliteSchema.LATEST);
            }
        }
    }

    @Test
    void aStoreAtTheFirstSchemaIsMigratedWithItsJobs() throws Exception {
        Files.createDirectories(file().getParent());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = db.createStatement()) {
            assertThat(SqliteSchema.migrate(db, 1)).isZero();
            statement.execute("INSERT INTO jobs (prompt_id, phase, status, number, create_time, number_json, outputs_to_execute, "
                    + "sensitive_keys, prompt, extra_data) VALUES ('old', 1, 'pending', 7, 5, '7', '[\"1\"]', '', '{}', '{\"create_time\":5}')");
        }
        try (SqliteJobStore store = reopen()) {
            assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("old");
            assertThat(jobIds(store.jobs(JobQuery.all()))).containsExactly("old");
            // jobs from before users existed belong to the one user of a server without authentication
            assertThat(ids(store.pending(OwnerFilter.only("default")))).containsExactly("old");
            assertThat(store.pending(OwnerFilter.only("alice"))).isEmpty();
            assertThat(runNext(store, "s")).isEqualTo("old");
            assertThat(store.history("old", OwnerFilter.only("default")).orElseThrow().item().user()).isEqualTo("default");
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = db.createStatement();
             ResultSet version = statement.executeQuery("SELECT version FROM schema_version")) {
            assertThat(version.getInt(1)).isEqualTo(3).isEqualTo(SqliteSchema.LATEST);
        }
    }

    @Test
    void aFileThatIsNotAStoreStopsTheOpeningAndIsKept() throws Exception {
        Files.createDirectories(file().getParent());
        byte[] garbage = "this is not a database, it is a note someone left here".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(file(), garbage);
        assertThatThrownBy(this::reopen).isInstanceOf(JobStoreUnavailable.class)
                .hasMessageStartingWith("The job store " + file() + " cannot be used: ")
                .hasMessageContaining("not a database")
                .hasMessageEndingWith("It is left as it is; move it away to start with an empty queue and history, or put back a good copy.");
        assertThat(Files.readAllBytes(file())).isEqualTo(garbage);
    }

    @Test
    void aFileFromANewerSchemaIsRefused() throws Exception {
        reopen().close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = db.createStatement()) {
            statement.execute("UPDATE schema_version SET version = " + (SqliteSchema.LATEST + 1));
        }
        assertThatThrownBy(this::reopen).isInstanceOf(JobStoreUnavailable.class)
                .hasMessageContaining("it has schema version " + (SqliteSchema.LATEST + 1) + ", newer than this server knows");
    }

    @Test
    void aStoreInUseIsRefused() {
        try (SqliteJobStore first = reopen()) {
            assertThatThrownBy(this::reopen).isInstanceOf(JobStoreUnavailable.class)
                    .hasMessageContaining("another Easel server is using it");
            assertThat(first.remaining()).isZero();
        }
        reopen().close();
    }
}
