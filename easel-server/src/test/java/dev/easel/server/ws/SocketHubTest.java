package dev.easel.server.ws;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.server.events.QueueCount;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SocketHubTest {

    @Test
    void aSocketThatOverflowsDuringABroadcastLeavesWithoutDisturbingTheOthers() throws Exception {
        SocketHub hub = new SocketHub();
        ManualSink stuckSink = new ManualSink();
        ManualSink fineSink = new ManualSink();
        fineSink.autoComplete = true;
        stuckSink.connect(hub, "stuck", new SocketLimits(100, 500, Duration.ofMinutes(5)));
        fineSink.connect(hub, "fine", SocketLimits.defaults());
        for (int i = 0; i < 20; i++) hub.broadcast(new Frame.Text("x".repeat(100)));
        assertThat(hub.socket("stuck")).isEmpty();
        assertThat(stuckSink.closed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(stuckSink.closedWith.get()).isEqualTo(1001);
        ClientSocketTest.waitFor(() -> fineSink.written.size() == 21);
        assertThat(hub.sockets()).extracting(ClientSocket::sid).containsExactly("fine");
    }

    @Test
    void anOldConnectionClosingAfterAReconnectKeepsTheNewOne() {
        SocketHub hub = new SocketHub();
        ManualSink sink = new ManualSink();
        sink.autoComplete = true;
        ClientSocket old = sink.connect(hub, "same", SocketLimits.defaults());
        ClientSocket fresh = sink.connect(hub, "same", SocketLimits.defaults());
        old.closed();
        assertThat(hub.socket("same")).containsSame(fresh);
    }

    @Test
    void reconnectGreetingIncludesTheExecutingNodeOnlyForTheRunningClient() throws Exception {
        SocketHub hub = new SocketHub();
        new EventRouter(hub, new JobAudience("p", Optional.of("me"), "default")).route(new ExecutionEvent.Executing("p", "7", "7"));
        ManualSink mine = new ManualSink();
        ManualSink theirs = new ManualSink();
        mine.autoComplete = true;
        theirs.autoComplete = true;
        mine.connect(hub, "me", SocketLimits.defaults());
        theirs.connect(hub, "you", SocketLimits.defaults());
        ClientSocketTest.waitFor(() -> mine.written.size() == 2 && theirs.written.size() == 1);
        assertThat(((Frame.Text) mine.written.get(1)).json())
                .isEqualTo(Json.write(Json.object().put("type", "executing").set("data", Json.object().put("node", "7"))));
    }

    @Test
    void aQueueCountOlderThanOneAlreadySentIsDroppedAndNewConnectionsAreGreetedWithTheNewest() throws Exception {
        SocketHub hub = new SocketHub();
        ManualSink early = new ManualSink();
        early.autoComplete = true;
        early.connect(hub, "early", SocketLimits.defaults());
        hub.broadcastStatus(new QueueCount(2, 5));
        hub.broadcastStatus(new QueueCount(1, 4));
        ManualSink late = new ManualSink();
        late.autoComplete = true;
        late.connect(hub, "late", SocketLimits.defaults());
        hub.broadcastStatus(new QueueCount(3, 6));
        ClientSocketTest.waitFor(() -> early.written.size() == 3 && late.written.size() == 2);
        assertThat(early.written).extracting(f -> dev.easel.testkit.Http.json(((Frame.Text) f).json()).at("/data/status/exec_info/queue_remaining").asInt())
                .containsExactly(0, 5, 6);
        assertThat(late.written).extracting(f -> dev.easel.testkit.Http.json(((Frame.Text) f).json()).at("/data/status/exec_info/queue_remaining").asInt())
                .containsExactly(5, 6);
    }
}
