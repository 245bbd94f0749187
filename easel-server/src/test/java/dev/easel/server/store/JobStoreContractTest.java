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
        return item(number, id, createTime, workflow, "default");
    }

    static QueueItem item(NumericNode number, String id, long createTime, Optional<String> workflow, String user) {
        ObjectNode extra = Json.object().put("client_id", "c").put("create_time", createTime);
        workflow.ifPresent(w -> extra.putObject("extra_pnginfo").putObject("workflow").put("id", w));
        ObjectNode prompt = Json.object();
        prompt.putObject("1").put("class_type", "Node").putObject("inputs").put("value", id);
        return new QueueItem(number, id, prompt, extra, List.of("1"), Map.of(), user);
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
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("m", "b", "z", "a");
        Claim first = store.claim("server-1", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(first.promptId()).isEqualTo("m");
        assertThat(first.owner()).isEqualTo("server-1");
        assertThat(store.remaining()).isEqualTo(4);
        assertThat(ids(store.running(OwnerFilter.ALL))).containsExactly("m");
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("b", "z", "a");
        // One claim per owner: nothing more for server-1 until it finishes; another owner may take the next.
        assertThat(store.claim("server-1", LEASE, Duration.ofMillis(10))).isEmpty();
        Claim other = store.claim("server-2", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(other.promptId()).isEqualTo("b");
        assertThat(ids(store.running(OwnerFilter.ALL))).containsExactly("m", "b");
        assertThat(store.renew(first, LEASE)).isTrue();
        assertThat(store.finish(first, done(first.item()))).isTrue();
        assertThat(ids(store.running(OwnerFilter.ALL))).containsExactly("b");
        assertThat(store.claim("server-1", LEASE, Duration.ofSeconds(1)).orElseThrow().promptId()).isEqualTo("z");
    }

    @Test
    void notANumberRunsAfterInfinity() throws Exception {
        JobStore store = store();
        store.enqueue(item(DoubleNode.valueOf(Double.NaN), "nan"));
        store.enqueue(item(DoubleNode.valueOf(Double.POSITIVE_INFINITY), "inf"));
        store.enqueue(item(DoubleNode.valueOf(Double.NEGATIVE_INFINITY), "minus-inf"));
        store.enqueue(item(IntNode.valueOf(1), "one"));
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("minus-inf", "one", "inf", "nan");
        assertThat(Json.write(store.pending(OwnerFilter.ALL).getLast().toJson())).startsWith("[\"NaN\",");
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
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("p");
        assertThat(Json.write(store.history("p", OwnerFilter.ALL).orElseThrow().toJson()))
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
        assertThat(store.running(OwnerFilter.ALL)).isEmpty();
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("first", "second");
        assertThat(store.job("first", OwnerFilter.ALL).orElseThrow().status()).isEqualTo(JobView.Status.PENDING);
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
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("2", "3", "4");
        assertThat(store.history(OptionalInt.of(5), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("2", "3", "4");
        assertThat(store.history(OptionalInt.of(1), OptionalInt.of(0), OwnerFilter.ALL).keySet()).containsExactly("2");
        assertThat(store.history("1", OwnerFilter.ALL)).isEmpty();
    }

    @Test
    void aPromptIdFinishedAgainKeepsItsPlaceInHistory() throws Exception {
        JobStore store = store();
        for (String id : List.of("a", "b", "a")) {
            store.enqueue(item(IntNode.valueOf(0), id));
            runNext(store, "s");
        }
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("a", "b");
    }

    @Test
    void historyPagingFollowsComfyUi() throws Exception {
        JobStore store = store();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            store.enqueue(item(IntNode.valueOf(i), "h" + i));
            all.add(runNext(store, "s"));
        }
        assertThat(store.history(OptionalInt.of(3), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("h7", "h8", "h9");
        assertThat(store.history(OptionalInt.empty(), OptionalInt.of(8), OwnerFilter.ALL).keySet()).containsExactly("h8", "h9");
        assertThat(store.history(OptionalInt.of(0), OptionalInt.empty(), OwnerFilter.ALL)).isEmpty();
        assertThat(store.history(OptionalInt.of(20), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactlyElementsOf(all);
        assertThat(store.history(OptionalInt.of(2), OptionalInt.of(-5), OwnerFilter.ALL).keySet()).containsExactly("h8", "h9");
        // windows of any size never overlap and together cover everything, in order
        for (int size = 1; size <= 4; size++) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 10; offset += size) {
                seen.addAll(store.history(OptionalInt.of(size), OptionalInt.of(offset), OwnerFilter.ALL).keySet());
            }
            assertThat(seen).as("pages of %d", size).containsExactlyElementsOf(all);
        }
    }

    @Test
    void pendingJobsAreDeletedAndClearedButNotTheRunningOne() throws Exception {
        JobStore store = store();
        for (String id : List.of("a", "b", "c", "d")) store.enqueue(item(IntNode.valueOf(0), id));
        Claim running = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(store.deletePending("a", OwnerFilter.ALL)).isFalse();
        assertThat(store.deletePending("c", OwnerFilter.ALL)).isTrue();
        assertThat(store.deletePending("c", OwnerFilter.ALL)).isFalse();
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("b", "d");
        assertThat(store.clearPending(OwnerFilter.ALL)).isEqualTo(2);
        assertThat(store.remaining()).isEqualTo(1);
        assertThat(store.finish(running, done(running.item()))).isTrue();
        store.enqueue(item(IntNode.valueOf(0), "e"));
        runNext(store, "s");
        store.deleteHistory("a", OwnerFilter.ALL);
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("e");
        store.clearHistory(OwnerFilter.ALL);
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL)).isEmpty();
    }

    @Test
    void apiKeysReachTheClaimButNoListing() throws Exception {
        JobStore store = store();
        QueueItem plain = item(IntNode.valueOf(0), "k");
        store.enqueue(new QueueItem(plain.number(), "k", plain.prompt(), plain.extraData(), plain.outputs(),
                Map.of("api_key_comfy_org", "secret-value"), plain.user()));
        assertThat(Json.write(store.pending(OwnerFilter.ALL).getFirst().toJson())).doesNotContain("secret-value");
        Claim claim = store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        assertThat(claim.item().sensitive()).containsEntry("api_key_comfy_org", "secret-value");
        store.finish(claim, done(claim.item()));
        assertThat(Json.write(store.history("k", OwnerFilter.ALL).orElseThrow().toJson())).doesNotContain("secret-value");
        assertThat(Json.write(store.job("k", OwnerFilter.ALL).orElseThrow().detail())).doesNotContain("secret-value");
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
        return new JobQuery(statuses, workflow, sort, descending, limit, offset, OwnerFilter.ALL);
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
        assertThat(store.job("running", OwnerFilter.ALL).orElseThrow().status()).isEqualTo(JobView.Status.IN_PROGRESS);
        assertThat(store.job("pending-late", OwnerFilter.ALL).orElseThrow().status()).isEqualTo(JobView.Status.PENDING);
        JobView failed = store.job("done-failed", OwnerFilter.ALL).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobView.Status.FAILED);
        assertThat(Json.write(failed.detail())).isEqualTo(Json.write(JobView.finished(
                done(item(IntNode.valueOf(1), "done-failed", 200, Optional.of("wf-b")), "execution_error", 2000, 2100)).detail()));
        assertThat(store.job("unknown", OwnerFilter.ALL)).isEmpty();
    }
    /** Alice: one finished, one running, one pending; Bob: one finished, one pending. */
    private JobStore twoUsers() throws Exception {
        JobStore store = store();
        store.enqueue(item(IntNode.valueOf(0), "alice-done", 100, Optional.empty(), "alice"));
        runNext(store, "s");
        store.enqueue(item(IntNode.valueOf(1), "bob-done", 200, Optional.empty(), "bob"));
        runNext(store, "s");
        store.enqueue(item(IntNode.valueOf(2), "alice-running", 300, Optional.empty(), "alice"));
        store.claim("s", LEASE, Duration.ofSeconds(1)).orElseThrow();
        store.enqueue(item(IntNode.valueOf(3), "alice-pending", 400, Optional.empty(), "alice"));
        store.enqueue(item(IntNode.valueOf(4), "bob-pending", 500, Optional.empty(), "bob"));
        return store;
    }

    private static JobQuery owned(OwnerFilter owners, OptionalInt limit, int offset) {
        return new JobQuery(EnumSet.allOf(JobView.Status.class), Optional.empty(), JobQuery.Sort.CREATED_AT, true, limit, offset, owners);
    }

    @Test
    void queriesShowOnlyTheJobsTheirFilterAdmits() throws Exception {
        JobStore store = twoUsers();
        OwnerFilter alice = OwnerFilter.only("alice");
        OwnerFilter bob = OwnerFilter.only("bob");
        assertThat(ids(store.running(alice))).containsExactly("alice-running");
        assertThat(store.running(bob)).isEmpty();
        assertThat(ids(store.pending(alice))).containsExactly("alice-pending");
        assertThat(ids(store.pending(bob))).containsExactly("bob-pending");
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("alice-pending", "bob-pending");
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), alice).keySet()).containsExactly("alice-done");
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("alice-done", "bob-done");
        assertThat(store.history("bob-done", alice)).isEmpty();
        assertThat(store.history("bob-done", bob).orElseThrow().item().user()).isEqualTo("bob");
        assertThat(store.job("bob-pending", alice)).isEmpty();
        assertThat(store.job("alice-running", alice).orElseThrow().status()).isEqualTo(JobView.Status.IN_PROGRESS);
        JobPage page = store.jobs(owned(alice, OptionalInt.empty(), 0));
        assertThat(jobIds(page)).containsExactly("alice-pending", "alice-running", "alice-done");
        assertThat(page.total()).isEqualTo(3);
        assertThat(jobIds(store.jobs(owned(bob, OptionalInt.empty(), 0)))).containsExactly("bob-pending", "bob-done");
        assertThat(store.jobs(owned(OwnerFilter.ALL, OptionalInt.empty(), 0)).total()).isEqualTo(5);
        assertThat(store.remaining()).isEqualTo(3);
    }

    @Test
    void historyPagesCountOnlyTheUsersOwnEntries() throws Exception {
        JobStore store = store();
        for (int i = 0; i < 6; i++) {
            store.enqueue(item(IntNode.valueOf(i), "job-" + i, i, Optional.empty(), i % 2 == 0 ? "alice" : "bob"));
            runNext(store, "s");
        }
        OwnerFilter alice = OwnerFilter.only("alice");
        assertThat(store.history(OptionalInt.of(2), OptionalInt.empty(), alice).keySet()).containsExactly("job-2", "job-4");
        assertThat(store.history(OptionalInt.of(1), OptionalInt.of(1), alice).keySet()).containsExactly("job-2");
        assertThat(store.history(OptionalInt.empty(), OptionalInt.of(2), alice).keySet()).containsExactly("job-4");
        JobPage second = store.jobs(owned(alice, OptionalInt.of(2), 2));
        assertThat(jobIds(second)).containsExactly("job-0");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void mutationsReachOnlyTheJobsTheirFilterAdmits() throws Exception {
        JobStore store = twoUsers();
        OwnerFilter alice = OwnerFilter.only("alice");
        assertThat(store.deletePending("bob-pending", alice)).isFalse();
        assertThat(store.clearPending(alice)).isEqualTo(1);
        assertThat(ids(store.pending(OwnerFilter.ALL))).containsExactly("bob-pending");
        store.deleteHistory("bob-done", alice);
        assertThat(store.history("bob-done", OwnerFilter.ALL)).isPresent();
        store.clearHistory(alice);
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL).keySet()).containsExactly("bob-done");
        assertThat(store.deletePending("bob-pending", OwnerFilter.only("bob"))).isTrue();
        store.clearHistory(OwnerFilter.ALL);
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty(), OwnerFilter.ALL)).isEmpty();
    }
}
