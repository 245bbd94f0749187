package dev.easel.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable store: one SQLite file in WAL mode, owned by one server at a time (a lock file
 * next to it keeps a second one out). Every write is one transaction, committed before the
 * method returns, so it survives the process ending at any moment. A job is one row that moves from pending (phase 1) to running (0) to history
 * (2). API keys taken out of {@code extra_data} are held in memory only: the file records just
 * their names.
 */
public final class SqliteJobStore implements JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteJobStore.class);
    public static final String FILE_NAME = "jobs.db";

    private static final int RUNNING = 0;
    private static final int PENDING = 1;
    private static final int FINISHED = 2;
    private static final String ITEM = "seq, phase, prompt_id, number_json, prompt, extra_data, outputs_to_execute, user_id";
    private static final String ENTRY = ITEM + ", outputs, status_str, completed, messages, meta";
    /** ComfyUI's gathering order: running, pending in run order, history newest first. */
    private static final String GATHERED = "phase, CASE WHEN phase = 1 THEN number END, CASE WHEN phase = 1 THEN prompt_id END, "
            + "CASE WHEN phase = 2 THEN -history_seq ELSE seq END";

    private final Path file;
    private final int maxHistory;
    private final Connection db;
    private final FileChannel lockChannel;
    private final Object lock = new Object();
    private final Map<Long, Map<String, String>> secrets = new ConcurrentHashMap<>();
    private final Set<String> owners = ConcurrentHashMap.newKeySet();
    private final AtomicLong counter;

    private SqliteJobStore(Path file, int maxHistory, Connection db, FileChannel lockChannel, long counter) {
        this.file = file;
        this.maxHistory = maxHistory;
        this.db = db;
        this.lockChannel = lockChannel;
        this.counter = new AtomicLong(counter);
    }

    /**
     * Opens (creating it when absent) and migrates the store at {@code file}. A file that cannot
     * be read, is not a job store, fails its integrity check or is in use stops here with a
     * {@link JobStoreUnavailable}; it is never replaced.
     */
    public static SqliteJobStore open(Path file, int maxHistory) {
        FileChannel lockChannel = lockFile(file);
        Connection db = null;
        try {
            if (Files.exists(file) && !(Files.isReadable(file) && Files.isWritable(file))) {
                throw new SQLException("it is not readable and writable by this process");
            }
            // the driver directly, not through DriverManager's service lookup, which a merged jar may lose
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            db = source.getConnection();
            try (Statement statement = db.createStatement()) {
                String mode = single(statement, "PRAGMA journal_mode=WAL");
                if (!"wal".equalsIgnoreCase(mode)) throw new SQLException("WAL mode was refused (journal mode " + mode + ")");
                // In WAL mode NORMAL writes every commit to the log before it returns, so an
                // acknowledged job survives the process being killed; only a power cut can lose
                // the last commits, and the file stays consistent. FULL would add an fsync to
                // every POST /prompt.
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA busy_timeout=5000");
                String check = single(statement, "PRAGMA quick_check");
                if (!"ok".equalsIgnoreCase(check)) throw new SQLException("integrity check failed: " + check);
            }
            int found = SqliteSchema.migrate(db, SqliteSchema.LATEST);
            if (found < SqliteSchema.LATEST) {
                LOG.info("job store {}: schema {} -> {}", file, found, SqliteSchema.LATEST);
            }
            long next;
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT value FROM counters WHERE name = 'next_number'")) {
                next = rows.next() ? rows.getLong(1) : 0;
            }
            return new SqliteJobStore(file, maxHistory, db, lockChannel, next);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            closeQuietly(lockChannel);
            throw new JobStoreUnavailable(refusal(file, String.valueOf(e.getMessage())), e);
        }
    }

    private static String refusal(Path file, String why) {
        return "The job store " + file + " cannot be used: " + why + ". It is left as it is; move it away to start with "
                + "an empty queue and history, or put back a good copy.";
    }

    private static FileChannel lockFile(Path file) {
        Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held == null) throw new OverlappingFileLockException();
            return channel;
        } catch (OverlappingFileLockException inUse) {
            closeQuietly(channel);
            throw new JobStoreUnavailable(refusal(file, "another Easel server is using it"));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JobStoreUnavailable(refusal(file, "its lock file " + lockPath + " cannot be opened (" + e.getMessage() + ")"), e);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing; the first error is the one reported
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public long nextNumber() {
        return counter.getAndIncrement();
    }

    @Override
    public void enqueue(QueueItem item) {
        JobView view = JobView.pending(item);
        long seq = write(() -> {
            long inserted;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO jobs (prompt_id, phase, status, number, create_time, "
                    + "workflow_id, number_json, outputs_to_execute, sensitive_keys, prompt, extra_data, user_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, item.promptId());
                insert.setInt(2, PENDING);
                insert.setString(3, JobView.Status.PENDING.wireName());
                double number = item.number().doubleValue();
                if (Double.isNaN(number)) insert.setNull(4, java.sql.Types.REAL);
                else insert.setDouble(4, number);
                if (view.createTime().isPresent()) insert.setLong(5, view.createTime().getAsLong());
                else insert.setNull(5, java.sql.Types.INTEGER);
                insert.setString(6, view.workflowId().orElse(null));
                insert.setString(7, Json.write(item.number()));
                insert.setString(8, Json.write(item.outputs()));
                insert.setString(9, String.join(",", item.sensitive().keySet()));
                insert.setString(10, Json.write(item.prompt()));
                insert.setString(11, Json.write(item.extraData()));
                insert.setString(12, item.user());
                insert.executeUpdate();
            }
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT last_insert_rowid()")) {
                rows.next();
                inserted = rows.getLong(1);
            }
            try (PreparedStatement number = db.prepareStatement("INSERT INTO counters (name, value) VALUES ('next_number', ?) "
                    + "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)")) {
                number.setLong(1, counter.get());
                number.executeUpdate();
            }
            return inserted;
        });
        if (!item.sensitive().isEmpty()) secrets.put(seq, item.sensitive());
    }

    @Override
    public Optional<Claim> claim(String owner, Duration lease, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            owners.add(owner);
            while (true) {
                Optional<Claim> claim = tryClaim(owner, lease);
                if (claim.isPresent()) return claim;
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    private Optional<Claim> tryClaim(String owner, Duration lease) {
        return write(() -> {
            try (PreparedStatement held = db.prepareStatement("SELECT 1 FROM jobs WHERE phase = 0 AND lease_owner = ?")) {
                held.setString(1, owner);
                try (ResultSet rows = held.executeQuery()) {
                    if (rows.next()) return Optional.empty();
                }
            }
            Row next;
            try (PreparedStatement first = db.prepareStatement("SELECT " + ITEM + ", sensitive_keys FROM jobs WHERE phase = 1 "
                    + "ORDER BY number IS NULL, number, prompt_id, seq LIMIT 1");
                 ResultSet rows = first.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                next = item(rows);
                String keys = rows.getString("sensitive_keys");
                if (!keys.isEmpty() && !secrets.containsKey(next.seq())) {
                    LOG.warn("prompt {} was queued with {}; such keys are kept in memory only, so after the restart it runs without them",
                            next.item().promptId(), keys);
                }
            }
            Instant now = Instant.now();
            Claim claim = new Claim(next.item(), UUID.randomUUID().toString(), owner, now);
            try (PreparedStatement take = db.prepareStatement("UPDATE jobs SET phase = 0, status = ?, lease_id = ?, lease_owner = ?, "
                    + "lease_expires = ?, claimed_at = ? WHERE seq = ?")) {
                take.setString(1, JobView.Status.IN_PROGRESS.wireName());
                take.setString(2, claim.leaseId());
                take.setString(3, owner);
                take.setLong(4, now.plus(lease).toEpochMilli());
                take.setLong(5, now.toEpochMilli());
                take.setLong(6, next.seq());
                take.executeUpdate();
            }
            return Optional.of(claim);
        });
    }

    @Override
    public boolean renew(Claim claim, Duration lease) {
        return write(() -> {
            try (PreparedStatement renew = db.prepareStatement("UPDATE jobs SET lease_expires = ? WHERE phase = 0 AND lease_id = ?")) {
                renew.setLong(1, Instant.now().plus(lease).toEpochMilli());
                renew.setString(2, claim.leaseId());
                return renew.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean release(Claim claim) {
        return write(() -> {
            try (PreparedStatement back = db.prepareStatement("UPDATE jobs SET phase = 1, status = ?, lease_id = NULL, "
                    + "lease_owner = NULL, lease_expires = NULL, claimed_at = NULL WHERE phase = 0 AND lease_id = ?")) {
                back.setString(1, JobView.Status.PENDING.wireName());
                back.setString(2, claim.leaseId());
                return back.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean finish(Claim claim, HistoryEntry outcome) {
        boolean finished = write(() -> {
            Optional<Long> seq;
            try (PreparedStatement held = db.prepareStatement("SELECT seq FROM jobs WHERE phase = 0 AND lease_id = ?")) {
                held.setString(1, claim.leaseId());
                try (ResultSet rows = held.executeQuery()) {
                    seq = rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                }
            }
            if (seq.isEmpty()) return false;
            secrets.remove(seq.get());
            toHistory(seq.get(), outcome);
            return true;
        });
        if (!finished) LOG.warn("prompt {}: its claim {} was no longer held; the outcome is not recorded", claim.promptId(), claim.leaseId());
        return finished;
    }

    /** Moves a row into history, where a finished entry of the same prompt id keeps its place, and applies the cap. */
    private void toHistory(long seq, HistoryEntry entry) throws SQLException {
        Long position = null;
        try (PreparedStatement same = db.prepareStatement("SELECT history_seq FROM jobs WHERE phase = 2 AND prompt_id = ?")) {
            same.setString(1, entry.item().promptId());
            try (ResultSet rows = same.executeQuery()) {
                if (rows.next()) position = rows.getLong(1);
            }
        }
        if (position != null) {
            try (PreparedStatement drop = db.prepareStatement("DELETE FROM jobs WHERE phase = 2 AND prompt_id = ?")) {
                drop.setString(1, entry.item().promptId());
                drop.executeUpdate();
            }
        } else {
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT coalesce(max(history_seq), 0) + 1 FROM jobs WHERE phase = 2")) {
                rows.next();
                position = rows.getLong(1);
            }
        }
        JobView view = JobView.finished(entry);
        try (PreparedStatement done = db.prepareStatement("UPDATE jobs SET phase = 2, status = ?, history_seq = ?, start_time = ?, "
                + "end_time = ?, lease_id = NULL, lease_owner = NULL, lease_expires = NULL, status_str = ?, completed = ?, "
                + "outputs = ?, messages = ?, meta = ? WHERE seq = ?")) {
            done.setString(1, view.status().wireName());
            done.setLong(2, position);
            if (view.startTime().isPresent()) done.setLong(3, view.startTime().getAsLong());
            else done.setNull(3, java.sql.Types.INTEGER);
            if (view.endTime().isPresent()) done.setLong(4, view.endTime().getAsLong());
            else done.setNull(4, java.sql.Types.INTEGER);
            done.setString(5, entry.statusStr());
            done.setInt(6, entry.completed() ? 1 : 0);
            done.setString(7, Json.write(entry.outputs()));
            done.setString(8, Json.write(entry.messages()));
            done.setString(9, Json.write(entry.meta()));
            done.setLong(10, seq);
            done.executeUpdate();
        }
        try (PreparedStatement cap = db.prepareStatement("DELETE FROM jobs WHERE phase = 2 AND history_seq <= "
                + "(SELECT history_seq FROM jobs WHERE phase = 2 ORDER BY history_seq DESC LIMIT 1 OFFSET ?)")) {
            cap.setInt(1, maxHistory);
            cap.executeUpdate();
        }
    }

    @Override
    public List<String> failAbandoned(String reason) {
        return write(() -> {
            List<String> ended = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            List<String> holders = new ArrayList<>();
            List<Instant> claimed = new ArrayList<>();
            try (Statement statement = db.createStatement();
                 ResultSet found = statement.executeQuery("SELECT " + ITEM + ", lease_owner, claimed_at FROM jobs WHERE phase = 0 ORDER BY seq")) {
                while (found.next()) {
                    if (owners.contains(found.getString("lease_owner"))) continue;
                    rows.add(item(found));
                    holders.add(found.getString("lease_owner"));
                    claimed.add(Instant.ofEpochMilli(found.getLong("claimed_at")));
                }
            }
            Instant now = Instant.now();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                toHistory(row.seq(), HistoryEntry.abandoned(row.item(), claimed.get(i), reason + " (server instance " + holders.get(i) + ")", now));
                ended.add(row.item().promptId());
                LOG.warn("prompt {} was running when server instance {} stopped; it is recorded as failed", row.item().promptId(), holders.get(i));
            }
            return ended;
        });
    }

    @Override
    public List<QueueItem> running(OwnerFilter owners) {
        return items(SqlWhere.of("phase = 0").and(owners), "claimed_at, seq");
    }

    @Override
    public List<QueueItem> pending(OwnerFilter owners) {
        return items(SqlWhere.of("phase = 1").and(owners), "number IS NULL, number, prompt_id, seq");
    }

    private List<QueueItem> items(SqlWhere where, String order) {
        return read(() -> {
            List<QueueItem> items = new ArrayList<>();
            try (PreparedStatement select = where.bind(db.prepareStatement("SELECT " + ITEM + " FROM jobs" + where.sql()
                    + " ORDER BY " + order)); ResultSet rows = select.executeQuery()) {
                while (rows.next()) items.add(item(rows).item());
            }
            return items;
        });
    }

    @Override
    public int remaining() {
        return read(() -> {
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM jobs WHERE phase < 2")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public boolean deletePending(String promptId, OwnerFilter owners) {
        return deleteQueued(SqlWhere.of("phase = 1").and("prompt_id", promptId).and(owners)) > 0;
    }

    @Override
    public int clearPending(OwnerFilter owners) {
        return deleteQueued(SqlWhere.of("phase = 1").and(owners));
    }

    private int deleteQueued(SqlWhere where) {
        return write(() -> {
            try (PreparedStatement seqs = where.bind(db.prepareStatement("SELECT seq FROM jobs" + where.sql()));
                 ResultSet rows = seqs.executeQuery()) {
                while (rows.next()) secrets.remove(rows.getLong(1));
            }
            try (PreparedStatement delete = where.bind(db.prepareStatement("DELETE FROM jobs" + where.sql()))) {
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public Optional<HistoryEntry> history(String promptId, OwnerFilter owners) {
        SqlWhere where = SqlWhere.of("phase = 2").and("prompt_id", promptId).and(owners);
        return read(() -> {
            try (PreparedStatement one = where.bind(db.prepareStatement("SELECT " + ENTRY + " FROM jobs" + where.sql()));
                 ResultSet rows = one.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows, item(rows).item())) : Optional.empty();
            }
        });
    }

    @Override
    public LinkedHashMap<String, HistoryEntry> history(OptionalInt maxItems, OptionalInt offset, OwnerFilter owners) {
        SqlWhere where = SqlWhere.of("phase = 2").and(owners);
        return read(() -> {
            int size;
            try (PreparedStatement count = where.bind(db.prepareStatement("SELECT count(*) FROM jobs" + where.sql()));
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                size = rows.getInt(1);
            }
            HistoryWindow window = HistoryWindow.of(size, maxItems, offset);
            LinkedHashMap<String, HistoryEntry> page = new LinkedHashMap<>();
            try (PreparedStatement select = where.bind(db.prepareStatement("SELECT " + ENTRY + " FROM jobs" + where.sql()
                    + " ORDER BY history_seq LIMIT ? OFFSET ?"))) {
                select.setInt(where.args().size() + 1, window.limit());
                select.setInt(where.args().size() + 2, window.start());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        HistoryEntry entry = entry(rows, item(rows).item());
                        page.put(entry.item().promptId(), entry);
                    }
                }
            }
            return page;
        });
    }

    @Override
    public void deleteHistory(String promptId, OwnerFilter owners) {
        deleteFinished(SqlWhere.of("phase = 2").and("prompt_id", promptId).and(owners));
    }

    @Override
    public void clearHistory(OwnerFilter owners) {
        deleteFinished(SqlWhere.of("phase = 2").and(owners));
    }

    private void deleteFinished(SqlWhere where) {
        write(() -> {
            try (PreparedStatement delete = where.bind(db.prepareStatement("DELETE FROM jobs" + where.sql()))) {
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public JobPage jobs(JobQuery query) {
        if (query.statuses().isEmpty()) return new JobPage(List.of(), 0);
        SqlWhere where = SqlWhere.in("status", query.statuses().stream().map(JobView.Status::wireName).toList());
        if (query.workflowId().isPresent()) where = where.and("workflow_id", query.workflowId().get());
        SqlWhere filter = where.and(query.owners());
        // The sort index is named: without statistics the planner may prefer the status index
        // and sort every match. The index walk yields the page's row ids; the rows come after.
        String key = query.sort() == JobQuery.Sort.CREATED_AT ? "coalesce(create_time, 0)" : "coalesce(end_time - start_time, 0)";
        String index = query.sort() == JobQuery.Sort.CREATED_AT ? "jobs_by_created" : "jobs_by_duration";
        String order = " ORDER BY " + key + (query.descending() ? " DESC, " : " ASC, ") + GATHERED;
        return read(() -> {
            int total;
            try (PreparedStatement count = filter.bind(db.prepareStatement("SELECT count(*) FROM jobs" + filter.sql()));
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getInt(1);
            }
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement page = filter.bind(db.prepareStatement("SELECT seq FROM jobs INDEXED BY " + index + filter.sql()
                    + order + " LIMIT ? OFFSET ?"))) {
                page.setInt(filter.args().size() + 1, query.limit().orElse(-1));
                page.setInt(filter.args().size() + 2, query.offset());
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) seqs.add(rows.getLong(1));
                }
            }
            return new JobPage(views(seqs), total);
        });
    }

    /** The jobs of these rows, in the order given. */
    private List<JobView> views(List<Long> seqs) throws SQLException {
        Map<Long, JobView> found = new java.util.HashMap<>();
        for (int from = 0; from < seqs.size(); from += 500) {
            List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = db.prepareStatement("SELECT " + ENTRY + " FROM jobs WHERE seq IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) select.setLong(i + 1, chunk.get(i));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) found.put(rows.getLong("seq"), view(rows));
                }
            }
        }
        return seqs.stream().map(found::get).toList();
    }

    @Override
    public Optional<JobView> job(String promptId, OwnerFilter owners) {
        SqlWhere where = SqlWhere.of("phase >= 0").and("prompt_id", promptId).and(owners);
        return read(() -> {
            try (PreparedStatement one = where.bind(db.prepareStatement("SELECT " + ENTRY + " FROM jobs" + where.sql()
                    + " ORDER BY " + GATHERED + " LIMIT 1")); ResultSet rows = one.executeQuery()) {
                return rows.next() ? Optional.of(view(rows)) : Optional.empty();
            }
        });
    }

    private JobView view(ResultSet rows) throws SQLException {
        Row row = item(rows);
        return switch (rows.getInt("phase")) {
            case RUNNING -> JobView.running(row.item());
            case PENDING -> JobView.pending(row.item());
            default -> JobView.finished(entry(rows, row.item()));
        };
    }

    private record Row(long seq, QueueItem item) {
    }

    private Row item(ResultSet rows) throws SQLException {
        long seq = rows.getLong("seq");
        List<String> outputs = new ArrayList<>();
        parse(rows.getString("outputs_to_execute")).forEach(o -> outputs.add(o.asText()));
        QueueItem item = new QueueItem(number(parse(rows.getString("number_json"))), rows.getString("prompt_id"),
                (ObjectNode) parse(rows.getString("prompt")), (ObjectNode) parse(rows.getString("extra_data")), outputs,
                secrets.getOrDefault(seq, Map.of()), rows.getString("user_id"));
        return new Row(seq, item);
    }

    /** JSON has no NaN or infinities: the writer spells them as strings, read back here as the doubles they were. */
    private static NumericNode number(JsonNode stored) {
        return stored instanceof NumericNode number ? number : DoubleNode.valueOf(Double.parseDouble(stored.asText()));
    }

    private static HistoryEntry entry(ResultSet rows, QueueItem item) throws SQLException {
        List<ArrayNode> messages = new ArrayList<>();
        parse(rows.getString("messages")).forEach(m -> messages.add((ArrayNode) m));
        return new HistoryEntry(item, (ObjectNode) parse(rows.getString("outputs")), rows.getString("status_str"),
                rows.getInt("completed") == 1, messages, (ObjectNode) parse(rows.getString("meta")));
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored job is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** One transaction; waiting claimers hear of it. */
    private <T> T write(Work<T> work) {
        synchronized (lock) {
            try {
                db.setAutoCommit(false);
                try {
                    T result = work.run();
                    db.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    throw e;
                } finally {
                    db.setAutoCommit(true);
                    lock.notifyAll();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("job store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private <T> T read(Work<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new IllegalStateException("job store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closeQuietly(db);
            closeQuietly(lockChannel);
        }
    }
}
