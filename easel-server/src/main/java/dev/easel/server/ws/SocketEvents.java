package dev.easel.server.ws;

import dev.easel.server.eta.NodeTimes;
import dev.easel.server.eta.RemainingTime;
import dev.easel.server.events.EventSink;
import dev.easel.server.events.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job events turned into WebSocket messages (§3.7): queue changes as {@code status} broadcasts,
 * each run through its own {@link EventRouter}, created when the job starts and finished after
 * its terminal message, then {@code executing {node: null}} to the job's client and watchers.
 */
public final class SocketEvents implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(SocketEvents.class);

    private final SocketHub hub;
    /** What nodes took in this server's runs, for the time estimates. */
    private final NodeTimes nodeTimes = new NodeTimes();
    private final Map<String, EventRouter> runs = new ConcurrentHashMap<>();

    public SocketEvents(SocketHub hub) {
        this.hub = hub;
    }

    @Override
    public void publish(JobEvent event) {
        try {
            switch (event) {
                case JobEvent.Accepted accepted -> hub.broadcastStatus(accepted.queue());
                case JobEvent.QueueChanged changed -> hub.broadcastStatus(changed.queue());
                case JobEvent.Started started -> started(started);
                case JobEvent.Execution execution -> execution(execution);
                case JobEvent.Finished finished -> finished(finished);
            }
        } catch (RuntimeException e) {
            LOG.error("could not deliver {} to the sockets", event.getClass().getSimpleName(), e);
        }
    }

    private void started(JobEvent.Started job) {
        hub.broadcastStatus(job.queue());
        runs.put(job.promptId(), new EventRouter(hub, new JobAudience(job.promptId(), job.clientId(), job.user()),
                Optional.of(new RemainingTime(job.promptId(), job.prompt(), nodeTimes, System::nanoTime))));
    }

    private void execution(JobEvent.Execution execution) {
        EventRouter router = runs.get(execution.event().promptId());
        if (router == null) {
            LOG.warn("dropping {} of prompt {}, which is not running", execution.event().getClass().getSimpleName(),
                    execution.event().promptId());
            return;
        }
        router.route(execution.event());
    }

    private void finished(JobEvent.Finished job) {
        EventRouter router = runs.remove(job.promptId());
        if (router != null) router.finish();
        hub.broadcastStatus(job.queue());
        if (router != null) router.idle();
    }
}
