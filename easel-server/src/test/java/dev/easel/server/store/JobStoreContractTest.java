package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link JobStore} does; each implementation runs it through a subclass. */
abstract class JobStoreContractTest {
    static final Duration LEASE = Duration.ofMinutes(1);
    private final List<JobStore> opened = new ArrayList<>();

    /** A fresh, empty store keeping at most {@code maxHistory} history entries. */
    protected abstract JobStore create(int maxHistory);

    protected JobStore store(int maxHistory) {
        JobStore store = create(maxHistory);
        opened.add(store);
        return store;
    }

    protected JobStore store() {
        return store(InMemoryJobStore.MAX_HISTORY);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JobStore::close);
    }

    static QueueItem item(NumericNode number, String id) {
        return item(number, id, 0, Optional.empty());
    }

    static QueueItem item(NumericNode number, String id, long createTime, Optional<String> workflow) {
        ObjectNode extra = Json.object().put("client_id", "c").put("create_time", createTime);
        workflow.ifPresent(w -> extra.putObject("extra_pnginfo").putObject("workflow").put("id", w));
        ObjectNode prompt = Json.object();
        prompt.putObject("1").put("class_type", "Node").putObject("inputs").put("value", id);
        return new QueueItem(number, id, prompt, extra, List.of("1"), Map.of());
    }

    static ArrayNode message(String type, String id, long timestamp) {
        ArrayNode pair = Json.array();
        pair.add(type);
        pair.add(Json.object().put("prompt_id", id).put("timestamp", timestamp));
        return pair;
    }

    static HistoryEntry done(QueueItem item) {
        return done(item, "success", 0, 0);
    }

    static HistoryEntry done(QueueItem item, String terminal, long start, long end) {
        ObjectNode outputs = Json.object();
        outputs.putObject("1").putArray("images").addObject().put("filename", item.promptId() + ".png")
                .put("subfolder", "").put("type", "output");
        ObjectNode meta = Json.object();
        meta.putObject("1").put("node_id", "1").put("display_node", "1").putNull("parent_node").put("real_node_id", "1");
        boolean success = terminal.equals("execution_success");
        return new HistoryEntry(item, outputs, terminal.equals("success") || success ? "success" : "error",
                terminal.equals("success") || success,
                List.of(message("execution_start", item.promptId(), start), message(terminal.equals("success") ? "execution_success" : terminal,
                        item.promptId(), end)), meta);
    }

    /** Claims the next job for {@code owner} and finishes it successfully; returns its id. */
    static String runNext(JobStore store, String owner) throws InterruptedException {
        Claim claim = store.claim(owner, LEASE, Duration.ofSeconds(5)).orElseThrow();
        assertThat(store.finish(claim, done(claim.item()))).isTrue();
        return claim.promptId();
    }

    static List<String> ids(List<QueueItem> items) {
        return items.stream().map(QueueItem::promptId).toList();
    }

    static List<String> jobIds(JobPage page) {
        return page.jobs().stream().map(JobView::id).toList();
    }

    @Test
    void jobsAreClaimedByNumberThenPromptIdOnePerOwner() throws Exception {
        JobStore store = store();
        store.enqueue(item(IntNode.valueOf(2), "a"));
        store.enqueue(item(DoubleNode.valueOf(1.5), "z"));
        store.enqueue(item(IntNode.valueOf(-1), "m"));
        store.enqueue(item(DoubleNode.valueOf(1.5), "b"));
        assertThat(ids(store.pending())).containsExactly("m", "b", "z", "a");
        Claim first = store.claim("server-1", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(first.promptId()).isEqualTo("m");
        assertThat(first.owner()).isEqualTo("server-1");
        assertThat(store.remaining()).isEqualTo(4);
        assertThat(ids(store.running())).containsExactly("m");
        assertThat(ids(store.pending())).containsExactly("b", "z", "a");
        // One claim per owner: nothing more for server-1 until it finishes; another owner may take the next.
        assertThat(store.claim("server-1", LEASE, Duration.ofMillis(10))).isEmpty();
        Claim other = store.claim("server-2", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(other.promptId()).isEqualTo("b");
        assertThat(ids(store.running())).containsExactly("m", "b");
        assertThat(store.renew(first, LEASE)).isTrue();
        assertThat(store.finish(first, done(first.item()))).isTrue();
        assertThat(ids(store.running())).containsExactly("b");
        assertThat(store.claim("server-1", LEASE, Duration.ofSeconds(1)).orElseThrow().promptId()).isEqualTo("z");
    }

    @Test
    void notANumberRunsAfterInfinity() throws Exception {
        JobStore store = store();
        store.enqueue(item(DoubleNode.valueOf(Double.NaN), "nan"));
        store.enqueue(item(DoubleNode.valueOf(Double.POSITIVE_INFINITY), "inf"));
        store.enqueue(item(DoubleNode.valueOf(Double.NEGATIVE_INFINITY), "minus-inf"));
        store.enqueue(item(IntNode.valueOf(1), "one"));
        assertThat(ids(store.pending())).containsExactly("minus-inf", "one", "inf", "nan");
        assertThat(Json.write(store.pending().getLast().toJson())).startsWith("[\"NaN\",");
        for (String expected : List.of("minus-inf", "one", "inf", "nan")) assertThat(runNext(store, "s")).isEqualTo(expected);
    }

    @Test
    void aClaimEndsOnceAndKeepsItsNumberKind() throws Exception {
        JobStore store = store();
        store.enqueue(item(DoubleNode.valueOf(5), "p"));
        Claim claim = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(Json.write(claim.item().toJson())).isEqualTo(Json.write(item(DoubleNode.valueOf(5), "p").toJson()));
        assertThat(store.finish(claim, done(claim.item()))).isTrue();
        assertThat(store.finish(claim, done(claim.item()))).isFalse();
        assertThat(store.renew(claim, LEASE)).isFalse();
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty()).keySet()).containsExactly("p");
        assertThat(Json.write(store.history("p").orElseThrow().toJson()))
                .isEqualTo(Json.write(done(item(DoubleNode.valueOf(5), "p")).toJson()));
        assertThat(store.remaining()).isZero();
    }

    @Test
    void aReleasedClaimIsPendingAgainInItsPlace() throws Exception {
        JobStore store = store();
        store.enqueue(item(IntNode.valueOf(1), "first"));
        store.enqueue(item(IntNode.valueOf(2), "second"));
        Claim claim = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(store.release(claim)).isTrue();
        assertThat(store.release(claim)).isFalse();
        assertThat(store.finish(claim, done(claim.item()))).isFalse();
        assertThat(store.running()).isEmpty();
        assertThat(ids(store.pending())).containsExactly("first", "second");
        assertThat(store.job("first").orElseThrow().status()).isEqualTo(JobView.Status.PENDING);
        assertThat(runNext(store, "s")).isEqualTo("first");
    }

    @Test
    void aWaitingClaimWakesWhenAJobArrives() throws Exception {
        JobStore store = store();
        CompletableFuture<Optional<Claim>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return store.claim("s", LEASE, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        store.enqueue(item(IntNode.valueOf(0), "late"));
        assertThat(waiting.get(30, TimeUnit.SECONDS).orElseThrow().promptId()).isEqualTo("late");
    }

    @Test
    void countersAdvanceByOne() {
        JobStore store = store();
        assertThat(store.nextNumber()).isZero();
        assertThat(store.nextNumber()).isEqualTo(1);
        assertThat(store.nextNumber()).isEqualTo(2);
    }

    @Test
    void historyIsCappedOldestFirst() throws Exception {
        JobStore store = store(3);
        for (String id : List.of("1", "2", "3", "4")) {
            store.enqueue(item(IntNode.valueOf(0), id));
            runNext(store, "s");
        }
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty()).keySet()).containsExactly("2", "3", "4");
        assertThat(store.history(OptionalInt.of(5), OptionalInt.empty()).keySet()).containsExactly("2", "3", "4");
        assertThat(store.history(OptionalInt.of(1), OptionalInt.of(0)).keySet()).containsExactly("2");
        assertThat(store.history("1")).isEmpty();
    }

    @Test
    void aPromptIdFinishedAgainKeepsItsPlaceInHistory() throws Exception {
        JobStore store = store();
        for (String id : List.of("a", "b", "a")) {
            store.enqueue(item(IntNode.valueOf(0), id));
            runNext(store, "s");
        }
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty()).keySet()).containsExactly("a", "b");
    }

    @Test
    void historyPagingFollowsComfyUi() throws Exception {
        JobStore store = store();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            store.enqueue(item(IntNode.valueOf(i), "h" + i));
            all.add(runNext(store, "s"));
        }
        assertThat(store.history(OptionalInt.of(3), OptionalInt.empty()).keySet()).containsExactly("h7", "h8", "h9");
        assertThat(store.history(OptionalInt.empty(), OptionalInt.of(8)).keySet()).containsExactly("h8", "h9");
        assertThat(store.history(OptionalInt.of(0), OptionalInt.empty())).isEmpty();
        assertThat(store.history(OptionalInt.of(20), OptionalInt.empty()).keySet()).containsExactlyElementsOf(all);
        assertThat(store.history(OptionalInt.of(2), OptionalInt.of(-5)).keySet()).containsExactly("h8", "h9");
        // windows of any size never overlap and together cover everything, in order
        for (int size = 1; size <= 4; size++) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 10; offset += size) {
                seen.addAll(store.history(OptionalInt.of(size), OptionalInt.of(offset)).keySet());
            }
            assertThat(seen).as("pages of %d", size).containsExactlyElementsOf(all);
        }
    }

    @Test
    void pendingJobsAreDeletedAndClearedButNotTheRunningOne() throws Exception {
        JobStore store = store();
        for (String id : List.of("a", "b", "c", "d")) store.enqueue(item(IntNode.valueOf(0), id));
        Claim running = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(store.deletePending("a")).isFalse();
        assertThat(store.deletePending("c")).isTrue();
        assertThat(store.deletePending("c")).isFalse();
        assertThat(ids(store.pending())).containsExactly("b", "d");
        assertThat(store.clearPending()).isEqualTo(2);
        assertThat(store.remaining()).isEqualTo(1);
        assertThat(store.finish(running, done(running.item()))).isTrue();
        store.enqueue(item(IntNode.valueOf(0), "e"));
        runNext(store, "s");
        store.deleteHistory("a");
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty()).keySet()).containsExactly("e");
        store.clearHistory();
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty())).isEmpty();
    }

    @Test
    void apiKeysReachTheClaimButNoListing() throws Exception {
        JobStore store = store();
        QueueItem plain = item(IntNode.valueOf(0), "k");
        store.enqueue(new QueueItem(plain.number(), "k", plain.prompt(), plain.extraData(), plain.outputs(),
                Map.of("api_key_comfy_org", "secret-value")));
        assertThat(Json.write(store.pending().getFirst().toJson())).doesNotContain("secret-value");
        Claim claim = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(claim.item().sensitive()).containsEntry("api_key_comfy_org", "secret-value");
        store.finish(claim, done(claim.item()));
        assertThat(Json.write(store.history("k").orElseThrow().toJson())).doesNotContain("secret-value");
        assertThat(Json.write(store.job("k").orElseThrow().detail())).doesNotContain("secret-value");
    }

    /** Two finished (one failed, one interrupted), one running, two pending; create times chosen to tie. */
    private JobStore mixed() throws Exception {
        JobStore store = store();
        store.enqueue(item(IntNode.valueOf(0), "done-ok", 100, Optional.of("wf-a")));
        Claim ok = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        store.finish(ok, done(ok.item(), "execution_success", 1000, 1500));
        store.enqueue(item(IntNode.valueOf(1), "done-failed", 200, Optional.of("wf-b")));
        Claim failed = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        store.finish(failed, done(failed.item(), "execution_error", 2000, 2100));
        store.enqueue(item(IntNode.valueOf(2), "done-cancelled", 200, Optional.of("wf-a")));
        Claim cancelled = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        store.finish(cancelled, done(cancelled.item(), "execution_interrupted", 3000, 3900));
        store.enqueue(item(IntNode.valueOf(3), "running", 300, Optional.empty()));
        store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        store.enqueue(item(IntNode.valueOf(5), "pending-late", 200, Optional.of("wf-a")));
        store.enqueue(item(IntNode.valueOf(4), "pending-early", 400, Optional.empty()));
        return store;
    }

    private static JobQuery query(EnumSet<JobView.Status> statuses, Optional<String> workflow, JobQuery.Sort sort,
                                  boolean descending, OptionalInt limit, int offset) {
        return new JobQuery(statuses, workflow, sort, descending, limit, offset);
    }

    @Test
    void jobsSortByCreateTimeWithTiesInGatheringOrder() throws Exception {
        JobStore store = mixed();
        EnumSet<JobView.Status> all = EnumSet.allOf(JobView.Status.class);
        assertThat(jobIds(store.jobs(JobQuery.all()))).containsExactly(
                "pending-early", "running", "pending-late", "done-cancelled", "done-failed", "done-ok");
        assertThat(jobIds(store.jobs(query(all, Optional.empty(), JobQuery.Sort.CREATED_AT, false, OptionalInt.empty(), 0))))
                .containsExactly("done-ok", "pending-late", "done-cancelled", "done-failed", "running", "pending-early");
        JobPage page = store.jobs(query(all, Optional.empty(), JobQuery.Sort.CREATED_AT, true, OptionalInt.of(2), 2));
        assertThat(jobIds(page)).containsExactly("pending-late", "done-cancelled");
        assertThat(page.total()).isEqualTo(6);
        assertThat(store.jobs(query(all, Optional.empty(), JobQuery.Sort.CREATED_AT, true, OptionalInt.of(2), 50)).jobs()).isEmpty();
    }

    @Test
    void jobsFilterByStatusAndWorkflowAndSortByDuration() throws Exception {
        JobStore store = mixed();
        JobPage finished = store.jobs(query(EnumSet.of(JobView.Status.COMPLETED, JobView.Status.FAILED, JobView.Status.CANCELLED),
                Optional.empty(), JobQuery.Sort.EXECUTION_DURATION, true, OptionalInt.empty(), 0));
        assertThat(jobIds(finished)).containsExactly("done-cancelled", "done-ok", "done-failed");
        assertThat(finished.jobs().stream().map(j -> j.status().wireName())).containsExactly("cancelled", "completed", "failed");
        // queue jobs have no duration: 0, before every finished one when ascending, in gathering order
        assertThat(jobIds(store.jobs(query(EnumSet.allOf(JobView.Status.class), Optional.empty(), JobQuery.Sort.EXECUTION_DURATION,
                false, OptionalInt.empty(), 0)))).containsExactly("running", "pending-early", "pending-late", "done-failed",
                "done-ok", "done-cancelled");
        JobPage workflow = store.jobs(query(EnumSet.allOf(JobView.Status.class), Optional.of("wf-a"), JobQuery.Sort.CREATED_AT,
                true, OptionalInt.empty(), 0));
        assertThat(jobIds(workflow)).containsExactly("pending-late", "done-cancelled", "done-ok");
        assertThat(jobIds(store.jobs(query(EnumSet.of(JobView.Status.PENDING), Optional.empty(), JobQuery.Sort.CREATED_AT,
                true, OptionalInt.empty(), 0)))).containsExactly("pending-early", "pending-late");
        assertThat(store.jobs(query(EnumSet.of(JobView.Status.IN_PROGRESS), Optional.of("wf-a"), JobQuery.Sort.CREATED_AT,
                true, OptionalInt.empty(), 0)).total()).isZero();
    }

    @Test
    void oneJobInAnyState() throws Exception {
        JobStore store = mixed();
        assertThat(store.job("running").orElseThrow().status()).isEqualTo(JobView.Status.IN_PROGRESS);
        assertThat(store.job("pending-late").orElseThrow().status()).isEqualTo(JobView.Status.PENDING);
        JobView failed = store.job("done-failed").orElseThrow();
        assertThat(failed.status()).isEqualTo(JobView.Status.FAILED);
        assertThat(Json.write(failed.detail())).isEqualTo(Json.write(JobView.finished(
                done(item(IntNode.valueOf(1), "done-failed", 200, Optional.of("wf-b")), "execution_error", 2000, 2100)).detail()));
        assertThat(store.job("unknown")).isEmpty();
    }
}
