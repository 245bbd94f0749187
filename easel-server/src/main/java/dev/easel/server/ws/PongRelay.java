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

    private PongRelay() {
    }

    static void install(JavalinConfig cfg, Consumer<Session> onPong) {
        AtomicReference<JettyWebSocketServletFactory> factory = new AtomicReference<>();
        cfg.jetty.modifyWebSocketServletFactory(factory::set);
        cfg.jetty.modifyServletContextHandler(handler -> handler.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle started) {
                wrap(factory.get(), onPong);
            }
        }));
    }

    private static void wrap(JettyWebSocketServletFactory factory, Consumer<Session> onPong) {
        JettyWebSocketCreator javalin = factory == null ? null : factory.getMapping("/");
        if (javalin == null) {
            LOG.error("WebSocket pongs cannot be observed (no WebSocket creator found); heartbeats will close every socket");
            return;
        }
        factory.setCreator((request, response) -> {
            Object endpoint = javalin.createWebSocket(request, response);
            return endpoint instanceof Session.Listener listener ? new Forwarding(listener, onPong) : endpoint;
        });
    }

    /** Javalin's listener, unchanged, plus pongs. Overrides what Javalin's overrides, so Jetty treats both alike. */
    public static final class Forwarding implements Session.Listener.AutoDemanding {
        private final Session.Listener inner;
        private final Consumer<Session> onPong;
        private volatile Session session;

        private Forwarding(Session.Listener inner, Consumer<Session> onPong) {
            this.inner = inner;
            this.onPong = onPong;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
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
            onPong.accept(session);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            inner.onWebSocketClose(statusCode, reason, callback);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            inner.onWebSocketError(cause);
        }
    }
}
