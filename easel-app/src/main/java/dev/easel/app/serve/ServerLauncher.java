package dev.easel.app.serve;

import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.server.auth.AccountsUnusable;
import dev.easel.server.store.JobStoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Starts the server, says where to find it, and keeps the process alive until it is stopped. */
public final class ServerLauncher {
    private static final Logger log = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {
    }

    /**
     * Runs the server until SIGTERM or SIGINT, then stops it gracefully (the running job gets
     * {@code grace} to finish) and returns 0; returns 1 when it cannot start (port taken).
     */
    public static int serve(ServerConfig config, NodeRegistry registry, Duration grace) {
        Optional<EaselServer> started = start(config, registry);
        if (started.isEmpty()) {
            return 1;
        }
        EaselServer server = started.get();
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                log.info("Received SIG{}", signal.getName());
                stop.countDown();
            });
        }
        // any other way out of the JVM still closes the server
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "easel-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(grace);
        return 0;
    }

    /** Starts and logs the URLs; empty (after logging why) when it cannot start. */
    public static Optional<EaselServer> start(ServerConfig config, NodeRegistry registry) {
        log.info("Starting server");
        EaselServer server;
        try {
            server = EaselServer.start(config, registry);
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                log.error("Cannot listen on {} port {}: the address is already in use ({})",
                        String.join(",", config.network().listen()), config.network().port(), rootMessage(e));
            } else if (e instanceof JobStoreUnavailable || e instanceof AccountsUnusable) {
                log.error("The server could not start. {}", e.getMessage());
            } else {
                log.error("The server could not start", e);
            }
            return Optional.empty();
        }
        for (String url : guiUrls(config.network().listen(), server.port())) {
            log.info("To see the GUI go to: {}", url);
        }
        log.info("Started in {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
        return Optional.of(server);
    }

    /** One URL per listen address, IPv6 addresses in brackets, as ComfyUI prints them. */
    public static List<String> guiUrls(List<String> listen, int port) {
        return listen.stream().map(a -> "http://" + (a.contains(":") ? "[" + a + "]" : a) + ":" + port).toList();
    }

    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            if (t.getMessage() != null && t.getMessage().contains("Address already in use")) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return String.valueOf(root.getMessage());
    }
}
