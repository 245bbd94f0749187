package dev.easel.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The job store's schema as ordered migration steps. {@code schema_version} records the steps
 * applied; opening a store applies the missing ones, each in its own transaction, and refuses a
 * file written by a newer schema.
 */
final class SqliteSchema {

    /** Step {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    static final List<List<String>> MIGRATIONS = List.of(
            // 1: the jobs table; small columns first, so queries that read them never touch the JSON.
            // number is NULL for NaN, which SQLite cannot hold; it sorts last, as Double.compare puts it
            List.of("""
                    CREATE TABLE jobs (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        prompt_id TEXT NOT NULL,
                        phase INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        number REAL,
                        create_time INTEGER,
                        workflow_id TEXT,
                        history_seq INTEGER,
                        start_time INTEGER,
                        end_time INTEGER,
                        lease_id TEXT,
                        lease_owner TEXT,
                        lease_expires INTEGER,
                        claimed_at INTEGER,
                        number_json TEXT NOT NULL,
                        outputs_to_execute TEXT NOT NULL,
                        sensitive_keys TEXT NOT NULL,
                        status_str TEXT,
                        completed INTEGER,
                        prompt TEXT NOT NULL,
                        extra_data TEXT NOT NULL,
                        outputs TEXT,
                        messages TEXT,
                        meta TEXT)""",
                    "CREATE INDEX jobs_queue ON jobs (phase, number IS NULL, number, prompt_id, seq)",
                    "CREATE INDEX jobs_history ON jobs (phase, history_seq)",
                    "CREATE INDEX jobs_prompt_id ON jobs (prompt_id, phase)",
                    "CREATE INDEX jobs_lease ON jobs (phase, lease_id)",
                    "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
            // 2: the jobs API. One index per sort key that also holds every column the filters and
            // the tie order read, so a page is found in the index alone; and one for the counts.
            List.of("CREATE INDEX jobs_by_created ON jobs (coalesce(create_time, 0), status, workflow_id, phase, number, "
                            + "prompt_id, history_seq)",
                    "CREATE INDEX jobs_by_duration ON jobs (coalesce(end_time - start_time, 0), status, workflow_id, phase, "
                            + "number, prompt_id, history_seq)",
                    "CREATE INDEX jobs_status ON jobs (status, workflow_id)"),
            // 3: who queued each job; jobs from before authentication belong to the one open user.
            // The jobs API indexes gain the column so a user's page is still found in the index alone.
            List.of("ALTER TABLE jobs ADD COLUMN user_id TEXT NOT NULL DEFAULT 'default'",
                    "DROP INDEX jobs_by_created",
                    "DROP INDEX jobs_by_duration",
                    "DROP INDEX jobs_status",
                    "CREATE INDEX jobs_by_created ON jobs (coalesce(create_time, 0), status, workflow_id, user_id, phase, number, "
                            + "prompt_id, history_seq)",
                    "CREATE INDEX jobs_by_duration ON jobs (coalesce(end_time - start_time, 0), status, workflow_id, user_id, phase, "
                            + "number, prompt_id, history_seq)",
                    "CREATE INDEX jobs_status ON jobs (status, workflow_id, user_id)",
                    "CREATE INDEX jobs_user_history ON jobs (user_id, phase, history_seq)"));

    static final int LATEST = MIGRATIONS.size();

    private SqliteSchema() {
    }

    /** Applies the missing steps up to {@code target}; returns the version found before. */
    static int migrate(Connection connection, int target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int found = version(connection);
        if (found > LATEST) {
            throw new SQLException("it has schema version " + found + ", newer than this server knows (" + LATEST
                    + "); a newer Easel wrote it");
        }
        for (int step = found; step < target; step++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(step)) statement.execute(sql);
                statement.execute("DELETE FROM schema_version");
                statement.execute("INSERT INTO schema_version (version) VALUES (" + (step + 1) + ")");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return found;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT max(version) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
