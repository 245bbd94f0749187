package dev.easel.server.ws;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.node.Preview;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.auth.Identity;
import dev.easel.server.events.QueueCount;
import dev.easel.server.store.InMemoryJobStore;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.store.QueueItem;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's messages reach only sockets whose user sees the job's owner; the queue status reaches everyone. */
class JobAudienceTest {
    static final Identity ALICE = new Identity("alice", Identity.Role.USER);
    static final Identity BOB = new Identity("bob", Identity.Role.USER);
    static final Identity ROOT = new Identity("root", Identity.Role.ADMIN);

    private final SocketHub hub = new SocketHub();
    private final ManualSink alice = sink();
    private final ManualSink bob = sink();
    private final ManualSink admin = sink();

    private static ManualSink sink() {
        ManualSink sink = new ManualSink();
        sink.autoComplete = true;
        return sink;
    }

    private void connectAll() {
        alice.connect(hub, "alice-tab", SocketLimits.defaults(), ALICE);
        bob.connect(hub, "bob-tab", SocketLimits.defaults(), BOB);
        admin.connect(hub, "admin-tab", SocketLimits.defaults(), ROOT);
    }

    private static List<String> types(ManualSink sink) {
        return sink.written.stream().map(frame -> switch (frame) {
            case Frame.Text text -> text.json().replaceAll("^\\{\"type\":\"([a-z_]+)\".*", "$1");
            case Frame.Binary binary -> "binary-" + ByteBuffer.wrap(binary.bytes()).getInt();
        }).toList();
    }

    private static void runWithPreview(EventRouter router) {
        router.route(new ExecutionEvent.ExecutionStart("p", 1));
        router.route(new ExecutionEvent.Executing("p", "1", "1"));
        router.route(new ExecutionEvent.PreviewImage("p", "1", "1", Optional.empty(), "1", new Preview(Preview.Format.JPEG, new byte[3])));
        router.route(new ExecutionEvent.Progress("p", "1", 1L, 2L));
        router.route(new ExecutionEvent.ProgressText("p", "1", "half way"));
        router.route(new ExecutionEvent.ExecutionInterrupted("p", "1", "X", List.of(), 2));
        router.finish();
    }

    @Test
    void messagesComfyUiBroadcastsForAJobWithoutClientReachOnlyItsOwnerAndAdmins() throws Exception {
        connectAll();
        runWithPreview(new EventRouter(hub, new JobAudience("p", Optional.empty(), "alice")));
        hub.broadcastStatus(new QueueCount(1, 0));
        List<String> seen = List.of("status", "progress", "binary-1", "binary-3", "execution_interrupted", "status");
        ClientSocketTest.waitFor(() -> alice.written.size() == 6 && admin.written.size() == 6 && bob.written.size() == 2);
        assertThat(types(alice)).containsExactlyElementsOf(seen);
        assertThat(types(admin)).containsExactlyElementsOf(seen);
        assertThat(types(bob)).containsExactly("status", "status");
    }

    @Test
    void aClientsJobReachesItsSocketAndItsProgressTextTheAdminsButNeverAnotherUser() throws Exception {
        connectAll();
        runWithPreview(new EventRouter(hub, new JobAudience("p", Optional.of("alice-tab"), "alice")));
        ClientSocketTest.waitFor(() -> alice.written.size() == 7 && admin.written.size() == 2);
        assertThat(types(alice)).containsExactly("status", "execution_start", "executing", "progress", "binary-1", "binary-3",
                "execution_interrupted");
        assertThat(types(admin)).containsExactly("status", "binary-3");
        assertThat(types(bob)).containsExactly("status");
    }

    @Test
    void aJobAddressedToASocketOfAnotherUserReachesNobody() throws Exception {
        connectAll();
        runWithPreview(new EventRouter(hub, new JobAudience("p", Optional.of("bob-tab"), "alice")));
        ClientSocketTest.waitFor(() -> alice.written.size() == 2);
        assertThat(types(bob)).containsExactly("status");
        assertThat(types(alice)).containsExactly("status", "binary-3");
    }

    @Test
    void aReconnectSeesWhereTheRunStandsOnlyWhenItsUserSeesTheJob() throws Exception {
        new EventRouter(hub, new JobAudience("p", Optional.of("tab"), "alice")).route(new ExecutionEvent.Executing("p", "7", "7"));
        bob.connect(hub, "tab", SocketLimits.defaults(), BOB);
        ClientSocketTest.waitFor(() -> bob.written.size() == 1);
        admin.connect(hub, "tab", SocketLimits.defaults(), ROOT);
        ClientSocketTest.waitFor(() -> admin.written.size() == 2);
        assertThat(types(bob)).containsExactly("status");
        assertThat(types(admin)).containsExactly("status", "executing");
    }

    @Test
    void aClientIdBelongsToTheFirstUserWhoUsedIt() {
        assertThat(hub.claimClientId("tab", ALICE)).isTrue();
        assertThat(hub.claimClientId("tab", ALICE)).isTrue();
        assertThat(hub.claimClientId("tab", BOB)).isFalse();
        assertThat(hub.claimClientId("tab", ROOT)).isFalse();
        assertThat(hub.claimClientId("other", BOB)).isTrue();
    }

    @Test
    void theOldestUnusedClientIdsAreForgottenPastTheCapacity() {
        ClientIdOwners owners = new ClientIdOwners(2);
        assertThat(owners.claim("a", "alice")).isTrue();
        assertThat(owners.claim("b", "alice")).isTrue();
        assertThat(owners.claim("a", "alice")).isTrue();
        assertThat(owners.claim("c", "alice")).isTrue();
        assertThat(owners.claim("a", "bob")).isFalse();
        assertThat(owners.claim("b", "bob")).isTrue();
    }
    @Test
    void onlyAUserWhoSeesTheOwnerMayWatchAJobAndWatchersHearItsOwnMessages() throws Exception {
        InMemoryJobStore store = new InMemoryJobStore();
        ObjectNode extra = Json.object().put("client_id", "alice-tab");
        store.enqueue(new QueueItem(IntNode.valueOf(0), "p", Json.object(), extra, List.of(), Map.of(), "alice"));
        JobWatch watch = new JobWatch(hub, id -> store.job(id, OwnerFilter.ALL));
        ClientSocket bobs = bob.connect(hub, "bob-tab", SocketLimits.defaults(), BOB);
        ClientSocket admins = admin.connect(hub, "admin-tab", SocketLimits.defaults(), ROOT);
        watch.request(bobs, BOB, Json.object().put("prompt_id", "p"));
        watch.request(admins, ROOT, Json.object().put("prompt_id", "p"));
        JobAudience job = new JobAudience("p", Optional.of("alice-tab"), "alice");
        EventRouter router = new EventRouter(hub, job);
        router.route(new ExecutionEvent.ExecutionStart("p", 1));
        router.finish();
        assertThat(hub.addressed(job, admins)).isTrue();
        router.idle();
        ClientSocketTest.waitFor(() -> bob.written.size() == 2 && admin.written.size() == 4);
        assertThat(((Frame.Text) bob.written.get(1)).json())
                .isEqualTo("{\"type\":\"watch_error\",\"data\":{\"prompt_id\":\"p\",\"error\":\"no job with this prompt_id that you may see\"}}");
        assertThat(types(admin)).containsExactly("status", "watching", "execution_start", "executing");
        // the job's end also ends the watch
        assertThat(hub.addressed(job, admins)).isFalse();
    }
}
