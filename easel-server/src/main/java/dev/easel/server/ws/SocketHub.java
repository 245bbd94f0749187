package dev.easel.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.auth.Identity;
import dev.easel.server.http.HttpError;
import dev.easel.server.events.QueueCount;
import dev.easel.server.wire.Json;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The registry of connected sockets and the one ordered stream every server message goes
 * through. Each method holds the hub's monitor only while it enqueues into sockets' bounded
 * queues, so producers never wait on the network, and all messages keep one total order.
 * Callers that must make a state change and its announcement one step synchronise on the hub.
 * Each socket acts for the {@link Identity} of its upgrade request: a job's messages reach only
 * sockets whose user sees the job's owner, while the queue-length {@code status} goes to all.
 */
public final class SocketHub {
    /** The client feature flag that asks for {@code remaining_time} messages (Easel's own; ComfyUI has none). */
    public static final String REMAINING_TIME_FLAG = "supports_remaining_time";
    private static final Logger LOG = LoggerFactory.getLogger(SocketHub.class);
    private static final int RECENTLY_ENDED = 1024;
    private final Map<String, ClientSocket> sockets = new LinkedHashMap<>();
    private final Map<ClientSocket, Identity> identities = new IdentityHashMap<>();
    private final ClientIdOwners clientIds = new ClientIdOwners(ClientIdOwners.DEFAULT_CAPACITY);
    /** Sockets that asked to watch a job, by prompt id, until the job ends or the socket closes. */
    private final Map<String, Set<ClientSocket>> watchers = new HashMap<>();
    /** The last jobs whose terminal message went out, so that a watch arriving just after it reads history instead. */
    private final Set<String> ended = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    });
    private final Optional<String> instanceId;
    private Optional<LiveView> live = Optional.empty();
    /** The newest queue length broadcast, which a new connection is greeted with. */
    private QueueCount queue = new QueueCount(0, 0);

    /** A hub whose {@code status} messages carry no instance id. */
    public SocketHub() {
        this.instanceId = Optional.empty();
    }

    /** A hub whose {@code status} messages name this server start, so clients can tell a restart from a dropped connection. */
    public SocketHub(String instanceId) {
        this.instanceId = Optional.of(instanceId);
    }

    /**
     * Registers a new connection (closing an older one with the same sid, which would otherwise
     * stay open and silent) and queues its greeting: {@code status} with the sid and the newest
     * queue length broadcast, then, if this client's prompt is running,
     * where the run stands: {@code executing} for its node, its latest {@code progress_state}
     * and its latest preview. The socket acts for {@code identity}.
     */
    public synchronized void connect(ClientSocket socket, Identity identity) {
        ClientSocket previous = sockets.put(socket.sid(), socket);
        if (previous != null && previous != socket) previous.replaced();
        identities.put(socket, identity);
        ObjectNode data = statusData(queue.remaining());
        data.put("sid", socket.sid());
        socket.offer(text("status", data));
        live.filter(view -> view.job().clientId().equals(Optional.of(socket.sid())) && identity.sees(view.job().owner()))
                .ifPresent(view -> view.snapshot().forEach(socket::offer));
    }

    /** Forgets a socket, unless its sid already belongs to a newer connection. */
    public synchronized void disconnect(ClientSocket socket) {
        sockets.remove(socket.sid(), socket);
        identities.remove(socket);
        watchers.values().forEach(set -> set.remove(socket));
        watchers.values().removeIf(Set::isEmpty);
    }

    /** Binds a connection's client id to the caller's user, or refuses the connection (403) when it belongs to another user. */
    public void requireClientId(String clientId, Identity caller) {
        if (claimClientId(clientId, caller)) return;
        LOG.warn("refused a connection of user {}: client id {} belongs to another user", caller.user(), clientId);
        throw HttpError.json(403, Json.object().put("error", "this clientId belongs to another user; connect with your own"));
    }

    /** Binds a client id to the caller's user; false when it belongs to another user (see {@link ClientIdOwners}). */
    public boolean claimClientId(String clientId, Identity caller) {
        return clientIds.claim(clientId, caller.user());
    }

    public synchronized Optional<ClientSocket> socket(String sid) {
        return Optional.ofNullable(sockets.get(sid));
    }

    public synchronized List<ClientSocket> sockets() {
        return List.copyOf(sockets.values());
    }

    public synchronized void broadcast(Frame frame) {
        // A copy: a socket that overflows unregisters itself from inside offer().
        List.copyOf(sockets.values()).forEach(s -> s.offer(frame));
    }

    /** To one client, silently dropped when it is not connected. */
    public synchronized void send(String sid, Frame frame) {
        ClientSocket socket = sockets.get(sid);
        if (socket != null) socket.offer(frame);
    }

    /**
     * To one client only if its socket's user is an admin, checked here, at sending, so that a
     * server-wide message (the log) never reaches another user whatever was recorded for the
     * client id. False, sending nothing, when the client is not connected or its user is no admin.
     */
    public synchronized boolean sendToAdmin(String sid, Frame frame) {
        ClientSocket socket = sockets.get(sid);
        Identity identity = socket == null ? null : identities.get(socket);
        if (identity == null || !identity.isAdmin()) return false;
        socket.offer(frame);
        return true;
    }

    /** The user a connected client acts for. */
    public synchronized Optional<Identity> identity(String sid) {
        return Optional.ofNullable(sockets.get(sid)).map(identities::get);
    }

    /**
     * One of a job's messages, to the sockets {@code reach} names that pass {@code filter}, each
     * once. The frame is built only if some socket gets it: a {@code progress_state} of a huge
     * prompt lists every node, and nobody listening must not cost its writing.
     */
    public synchronized void toJob(JobAudience job, JobAudience.Reach reach, Predicate<ClientSocket> filter, Supplier<Frame> frame) {
        Set<ClientSocket> to = new LinkedHashSet<>();
        boolean everyone = reach == JobAudience.Reach.ALL || (reach == JobAudience.Reach.CLIENT_ELSE_ALL && job.clientId().isEmpty());
        if (everyone) to.addAll(sockets.values());
        else job.clientId().map(sockets::get).ifPresent(to::add);
        to.addAll(watchers.getOrDefault(job.promptId(), Set.of()));
        to.removeIf(socket -> !sees(socket, job) || !filter.test(socket));
        if (to.isEmpty()) return;
        Frame built = frame.get();
        // a socket that overflows unregisters itself from inside offer()
        to.forEach(socket -> socket.offer(built));
    }

    public void toJob(JobAudience job, JobAudience.Reach reach, Supplier<Frame> frame) {
        toJob(job, reach, socket -> true, frame);
    }

    /** Whether the job's messages are addressed to the socket (its client's, or a watcher), not only broadcast to it. */
    public synchronized boolean addressed(JobAudience job, ClientSocket socket) {
        boolean named = job.clientId().equals(Optional.of(socket.sid()))
                || watchers.getOrDefault(job.promptId(), Set.of()).contains(socket);
        return named && sees(socket, job);
    }

    /**
     * Starts sending the job's messages to the socket, if its user sees the job's owner: first
     * {@code reply}, then, if the job is running, where it stands (as on a reconnect). Returns
     * false, and registers nothing, when the user may not see it or the job's terminal message
     * already went out (its end is then in history).
     */
    public synchronized boolean watch(ClientSocket socket, JobAudience job, Frame reply) {
        if (!sees(socket, job) || ended.contains(job.promptId())) return false;
        watchers.computeIfAbsent(job.promptId(), id -> new LinkedHashSet<>()).add(socket);
        socket.offer(reply);
        live.filter(view -> view.job().promptId().equals(job.promptId())).ifPresent(view -> view.snapshot().forEach(socket::offer));
        return true;
    }

    /** The job's terminal message, after which no new watcher is registered for it. */
    public synchronized void toJobLast(JobAudience job, JobAudience.Reach reach, Supplier<Frame> frame) {
        toJob(job, reach, socket -> true, frame);
        ended.add(job.promptId());
    }

    /** The job ended: its watchers heard the last of it. */
    public synchronized void endWatches(String promptId) {
        watchers.remove(promptId);
    }

    private boolean sees(ClientSocket socket, JobAudience job) {
        Identity identity = identities.get(socket);
        return identity != null && identity.sees(job.owner());
    }

    /** A reply to one socket (feature flags), ordered with everything else. */
    public synchronized void reply(ClientSocket socket, Frame frame) {
        socket.offer(frame);
    }

    /**
     * {@code status} to everyone, unless a newer count already went out: counts are read by
     * their publishers, never here, so this lock is never held across a store call.
     */
    public synchronized void broadcastStatus(QueueCount count) {
        if (!count.isNewerThan(queue)) return;
        queue = count;
        broadcast(text("status", statusData(count.remaining())));
    }

    /** The run whose client is told where it stands on reconnecting; one at a time. */
    synchronized void track(LiveView view) {
        live = Optional.of(view);
    }

    synchronized void untrack(LiveView view) {
        if (live.filter(view::equals).isPresent()) live = Optional.empty();
    }

    /** A sid for a client that named none: 32 lower-case hex characters, as ComfyUI's {@code uuid4().hex}. */
    public static String newSid() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    public static Frame.Text text(String type, JsonNode data) {
        ObjectNode message = Json.object();
        message.put("type", type);
        message.set("data", data);
        return new Frame.Text(Json.write(message));
    }

    private ObjectNode statusData(int queueRemaining) {
        ObjectNode data = Json.object();
        data.putObject("status").putObject("exec_info").put("queue_remaining", queueRemaining);
        instanceId.ifPresent(id -> data.put("instance_id", id));
        return data;
    }
}
