package dev.easel.server.routes;

import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.ServerConfig;
import dev.easel.server.events.JobEvent;
import dev.easel.server.events.JobPublisher;
import dev.easel.server.files.UserFiles;
import dev.easel.server.files.ImageDecoder;
import dev.easel.server.http.Bodies;
import dev.easel.server.store.JobStore;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.store.QueueItem;
import dev.easel.server.worker.PromptWorker;
import dev.easel.server.ws.SocketHub;

/** What route handlers work with; one per server. */
public record Services(ServerConfig config, NodeRegistry registry, JobStore store, SocketHub hub,
                       JobPublisher jobs, PromptWorker worker, Bodies bodies, UserFiles files, ImageDecoder decoder,
                       String instanceId) {

    /** Queues a job and announces it as one step, so the worker's "taken" announcement can never overtake it. */
    public void enqueue(QueueItem item) {
        jobs.announce(() -> store.enqueue(item), count -> new JobEvent.Accepted(item.promptId(), item.clientId(), count));
    }

    /** Interrupts the job if it is running and the filter admits it; returns whether it was interrupted. */
    public boolean interruptIfVisible(String promptId, OwnerFilter owners) {
        boolean visible = owners.equals(OwnerFilter.ALL) || store.job(promptId, owners).isPresent();
        return visible && worker.interruptIfRunning(promptId);
    }

    /** A queue mutation happened: everyone hears the new length. */
    public void queueChanged() {
        jobs.announce(JobEvent.QueueChanged::new);
    }
}
