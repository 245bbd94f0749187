package dev.easel.server.ws;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketCreator;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the pongs of every WebSocket to {@code onPong}. Jetty reports pongs to a session's
 * listener, but Javalin's listener drops them and its {@code WsConfig} has no hook for them. So
 * once Jetty has initialised Javalin's WebSocket servlet (before any connector accepts), its
 * creator is wrapped: each connection's Javalin listener sits inside one that also forwards pongs.
 * Routing, upgrade checks and handlers stay Javalin's. Public only because Jetty invokes the
 * listener through a public lookup.
 */
public final class PongRelay {
    private static final Logger LOG = LoggerFactory.getLogger(PongRelay.class);

    /** Sessions whose pongs reach {@code onPong}: open connections that went through the wrapped creator. */
    private final Set<Session> observed = ConcurrentHashMap.newKeySet();
    private final Consumer<Session> onPong;

    private PongRelay(Consumer<Session> onPong) {
        this.onPong = onPong;
    }

    static PongRelay install(JavalinConfig cfg, Consumer<Session> onPong) {
        PongRelay relay = new PongRelay(onPong);
        AtomicReference<JettyWebSocketServletFactory> factory = new AtomicReference<>();
        cfg.jetty.modifyWebSocketServletFactory(factory::set);
        cfg.jetty.modifyServletContextHandler(handler -> handler.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle started) {
                relay.wrap(factory.get());
            }
        }));
        return relay;
    }

    /**
     * Whether this connection's pongs are seen. A socket whose pongs cannot be seen must not be
     * closed for their absence, so it gets pings without the timeout.
     */
    boolean observes(Session session) {
        return observed.contains(session);
    }

    private void wrap(JettyWebSocketServletFactory factory) {
        JettyWebSocketCreator javalin = factory == null ? null : factory.getMapping("/");
        if (javalin == null) {
            LOG.error("WebSocket pongs cannot be observed (no WebSocket creator found); sockets are pinged but never closed as silent");
            return;
        }
        factory.setCreator((request, response) -> {
            Object endpoint = javalin.createWebSocket(request, response);
            return endpoint instanceof Session.Listener listener ? new Forwarding(listener, this) : endpoint;
        });
    }

    /** Javalin's listener, unchanged, plus pongs. Overrides what Javalin's overrides, so Jetty treats both alike. */
    public static final class Forwarding implements Session.Listener.AutoDemanding {
        private final Session.Listener inner;
        private final PongRelay relay;
        private volatile Session session;

        private Forwarding(Session.Listener inner, PongRelay relay) {
            this.inner = inner;
            this.relay = relay;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            relay.observed.add(session);
            inner.onWebSocketOpen(session);
        }

        @Override
        public void onWebSocketText(String message) {
            inner.onWebSocketText(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            inner.onWebSocketBinary(payload, callback);
        }

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            relay.onPong.accept(session);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            relay.observed.remove(session);
            inner.onWebSocketClose(statusCode, reason, callback);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            relay.observed.remove(session);
            inner.onWebSocketError(cause);
        }
    }
}
