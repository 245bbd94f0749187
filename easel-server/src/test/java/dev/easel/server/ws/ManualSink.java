package dev.easel.server.ws;

import dev.easel.server.auth.Identity;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A transport whose writes complete only when the test lets them. */
final class ManualSink implements FrameSink {
    final List<Frame> written = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    final AtomicInteger closedWith = new AtomicInteger();
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger pings = new AtomicInteger();
    volatile boolean autoComplete;

    @Override
    public CompletableFuture<Void> send(Frame frame) {
        written.add(frame);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (autoComplete) done.complete(null);
        else pending.add(done);
        return done;
    }

    @Override
    public CompletableFuture<Void> ping() {
        pings.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        closedWith.set(code);
        closed.countDown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void abort() {
    }

    /** Connects a socket writing to this sink to {@code hub} as {@code sid} and starts its writer. */
    ClientSocket connect(SocketHub hub, String sid, SocketLimits limits) {
        return connect(hub, sid, limits, Identity.OPEN);
    }

    /** The same for a socket acting for {@code identity}. */
    ClientSocket connect(SocketHub hub, String sid, SocketLimits limits, Identity identity) {
        ClientSocket socket = new ClientSocket(sid, this, limits, hub::disconnect);
        hub.connect(socket, identity);
        socket.start();
        return socket;
    }

    void releaseAll() {
        autoComplete = true;
        pending.forEach(f -> f.complete(null));
    }
}
