package dev.easel.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.auth.Identity;
import dev.easel.server.store.HistoryEntry;
import dev.easel.server.store.JobView;
import dev.easel.server.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Easel's {@code watch} message: a socket asks for the execution messages of a job it did not
 * queue (a shared job link). A job its user may see is answered with {@code watching}; then, for
 * a job in the queue or running, its messages as they come (a running one first tells where it
 * stands, as on a reconnect), and for a finished one its recorded messages and outputs at once.
 * Anything else is answered with {@code watch_error}, the same for a job that does not exist and
 * for one of another user.
 */
public final class JobWatch {
    public static final String TYPE = "watch";

    private final SocketHub hub;
    private final Function<String, Optional<JobView>> jobs;

    /** @param jobs every job by prompt id, whoever owns it; this class decides who may see it */
    public JobWatch(SocketHub hub, Function<String, Optional<JobView>> jobs) {
        this.hub = hub;
        this.jobs = jobs;
    }

    public void request(ClientSocket socket, Identity caller, JsonNode data) {
        String promptId = data.path("prompt_id").isTextual() ? data.get("prompt_id").asText() : "";
        Optional<JobView> job = visible(promptId, caller);
        // a job not yet ended is watched, unless its end went out since it was read: then history holds it
        if (job.isPresent() && job.get().history().isEmpty()) {
            JobView view = job.get();
            if (hub.watch(socket, new JobAudience(promptId, view.item().clientId(), view.item().user()), watching(view))) return;
            job = visible(promptId, caller);
        }
        job.filter(view -> view.history().isPresent()).ifPresentOrElse(view -> {
            hub.reply(socket, watching(view));
            finalState(view.history().get()).forEach(frame -> hub.reply(socket, frame));
        }, () -> hub.reply(socket, SocketHub.text("watch_error", Json.object().put("prompt_id", promptId)
                .put("error", promptId.isEmpty() ? "watch needs data.prompt_id" : "no job with this prompt_id that you may see"))));
    }

    private Optional<JobView> visible(String promptId, Identity caller) {
        return promptId.isEmpty() ? Optional.empty() : jobs.apply(promptId).filter(found -> caller.sees(found.item().user()));
    }

    private static Frame watching(JobView job) {
        return SocketHub.text("watching", Json.object().put("prompt_id", job.id()).put("status", job.status().wireName()));
    }

    /**
     * A finished job as a live watcher would have seen its end: the recorded {@code execution_start}
     * and {@code execution_cached}, an {@code executed} for each output node, the terminal message
     * and {@code executing} with a null node.
     */
    static List<Frame> finalState(HistoryEntry entry) {
        String promptId = entry.item().promptId();
        List<Frame> frames = new ArrayList<>();
        List<ArrayNode> messages = entry.messages();
        messages.subList(0, Math.max(0, messages.size() - 1))
                .forEach(pair -> frames.add(SocketHub.text(pair.get(0).asText(), pair.get(1))));
        for (Map.Entry<String, JsonNode> output : entry.outputs().properties()) {
            String node = output.getKey();
            ObjectNode executed = Json.object().put("node", node)
                    .put("display_node", entry.meta().path(node).path("display_node").asText(node));
            executed.set("output", output.getValue());
            executed.put("prompt_id", promptId);
            frames.add(SocketHub.text("executed", executed));
        }
        if (!messages.isEmpty()) frames.add(SocketHub.text(messages.getLast().get(0).asText(), messages.getLast().get(1)));
        frames.add(SocketHub.text("executing", Json.object().putNull("node").put("prompt_id", promptId)));
        return frames;
    }
}
