package dev.easel.server.ws;

import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SocketHubTest {

    private static ClientSocket socket(SocketHub hub, String sid, ClientSocketTest.ManualSink sink, SocketLimits limits) {
        ClientSocket socket = new ClientSocket(sid, sink, limits, hub::disconnect);
        hub.connect(socket, 0);
        socket.start();
        return socket;
    }

    @Test
    void aSocketThatOverflowsDuringABroadcastLeavesWithoutDisturbingTheOthers() throws Exception {
        SocketHub hub = new SocketHub();
        ClientSocketTest.ManualSink stuckSink = new ClientSocketTest.ManualSink();
        ClientSocketTest.ManualSink fineSink = new ClientSocketTest.ManualSink();
        fineSink.autoComplete = true;
        socket(hub, "stuck", stuckSink, new SocketLimits(100, 500, Duration.ofMinutes(5)));
        socket(hub, "fine", fineSink, SocketLimits.defaults());
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
        ClientSocketTest.ManualSink sink = new ClientSocketTest.ManualSink();
        sink.autoComplete = true;
        ClientSocket old = socket(hub, "same", sink, SocketLimits.defaults());
        ClientSocket fresh = socket(hub, "same", sink, SocketLimits.defaults());
        old.closed();
        assertThat(hub.socket("same")).containsSame(fresh);
    }

    @Test
    void reconnectGreetingIncludesTheExecutingNodeOnlyForTheRunningClient() throws Exception {
        SocketHub hub = new SocketHub();
        hub.noteExecuting(Optional.of("me"), Optional.of("7"));
        ClientSocketTest.ManualSink mine = new ClientSocketTest.ManualSink();
        ClientSocketTest.ManualSink theirs = new ClientSocketTest.ManualSink();
        mine.autoComplete = true;
        theirs.autoComplete = true;
        socket(hub, "me", mine, SocketLimits.defaults());
        socket(hub, "you", theirs, SocketLimits.defaults());
        ClientSocketTest.waitFor(() -> mine.written.size() == 2 && theirs.written.size() == 1);
        assertThat(((Frame.Text) mine.written.get(1)).json())
                .isEqualTo(Json.write(Json.object().put("type", "executing").set("data", Json.object().put("node", "7"))));
    }
}
