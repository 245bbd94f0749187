package dev.easel.server;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.auth.Accounts;
import dev.easel.server.auth.AccountsUnusable;
import dev.easel.server.auth.GuessLimit;
import dev.easel.server.auth.Lockouts;
import dev.easel.server.auth.RoleCheck;
import dev.easel.server.auth.TokenCheck;
import dev.easel.server.events.JobEvent;
import dev.easel.server.events.JobPublisher;
import dev.easel.server.files.UserFiles;
import dev.easel.server.files.ImageDecoder;
import dev.easel.server.files.TempFolder;
import dev.easel.server.http.Api;
import dev.easel.server.http.Bodies;
import dev.easel.server.http.CacheHeaders;
import dev.easel.server.http.ErrorMapping;
import dev.easel.server.http.LenientQuery;
import dev.easel.server.http.ProtocolErrors;
import dev.easel.server.http.RequestGuard;
import dev.easel.server.routes.EventsRoutes;
import dev.easel.server.routes.FileRoutes;
import dev.easel.server.routes.HistoryRoutes;
import dev.easel.server.routes.JobsRoutes;
import dev.easel.server.routes.ListingRoutes;
import dev.easel.server.routes.ManagerRoutes;
import dev.easel.server.routes.NodeInfoRoutes;
import dev.easel.server.routes.PageRoutes;
import dev.easel.server.routes.PromptRoutes;
import dev.easel.server.routes.QueueRoutes;
import dev.easel.server.routes.RootRoutes;
import dev.easel.server.routes.Services;
import dev.easel.server.routes.UploadRoutes;
import dev.easel.server.sse.SseClients;
import dev.easel.server.store.JobStore;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.worker.PromptRunner;
import dev.easel.server.worker.PromptWorker;
import dev.easel.server.ws.FeatureFlags;
import dev.easel.server.ws.HeartbeatClock;
import dev.easel.server.ws.JobWatch;
import dev.easel.server.ws.SocketEvents;
import dev.easel.server.ws.SocketHub;
import dev.easel.server.ws.SocketLimits;
import dev.easel.server.ws.WsEndpoint;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Easel server: HTTP API, {@code /ws}, the prompt worker. Start one per process (or
 * per test); {@link #close()} stops it and frees the port at once.
 */
public final class EaselServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EaselServer.class);
    /** Why a job that was running when its server stopped ended as failed. */
    public static final String STOPPED_DURING_RUN = "The server stopped while this prompt was running; it did not finish";

    private final Javalin app;
    private final PromptWorker worker;
    private final SocketHub hub;
    private final JobStore store;
    private final String instanceId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EaselServer(Javalin app, PromptWorker worker, SocketHub hub, JobStore store, String instanceId) {
        this.app = app;
        this.worker = worker;
        this.hub = hub;
        this.store = store;
        this.instanceId = instanceId;
    }

    /** Binds, starts the worker and returns once the port accepts connections. */
    public static EaselServer start(ServerConfig config, NodeRegistry registry) {
        return start(config, registry, PromptRunner.of(new PromptExecutor(registry, config.cache()), registry),
                config.sockets());
    }

    /** The same with the executor and socket bounds supplied (tests use small bounds). */
    public static EaselServer start(ServerConfig config, NodeRegistry registry, PromptRunner runner, SocketLimits limits) {
        ServerFolders folders = config.folders();
        createDirectories(folders);
        Optional<TokenCheck> tokens = tokenCheck(config);
        TempFolder.empty(folders.temp());
        String instanceId = UUID.randomUUID().toString();
        JobStore store = config.jobStore().open(folders.user());
        List<String> abandoned = store.failAbandoned(STOPPED_DURING_RUN);
        LOG.info("Server instance {}: {} job(s) queued{}", instanceId, store.remaining(),
                abandoned.isEmpty() ? "" : ", " + abandoned.size() + " left running by the previous start recorded as failed");
        SocketHub hub = new SocketHub(instanceId);
        JobPublisher jobs = new JobPublisher(new SocketEvents(hub), store::remaining);
        jobs.announce(JobEvent.QueueChanged::new);   // what the first connections are greeted with
        UserFiles files = new UserFiles(FileSpace.shared(folders.output(), folders.input(), folders.temp()),
                config.access().auth());
        PromptWorker worker = new PromptWorker(store, jobs, runner, instanceId, files::ofOwner);
        Bodies bodies = new Bodies(config.network().maxUploadBytes(), config.limits().maxJsonDepth());
        ImageDecoder decoder = new ImageDecoder(config.limits().maxImagePixels(), config.limits().maxConcurrentDecodes());
        Services services = new Services(config, registry, store, hub, jobs, worker, bodies, files, decoder, instanceId);
        WsEndpoint ws = new WsEndpoint(hub, FeatureFlags.server(config.network().maxUploadBytes()), limits,
                HeartbeatClock.system(), new JobWatch(hub, id -> store.job(id, OwnerFilter.ALL)));
        Javalin app = Javalin.create(cfg -> configure(cfg, config, services, ws, limits, tokens));
        worker.start();
        try {
            app.start();
        } catch (RuntimeException bindFailure) {
            worker.close();
            store.close();
            throw bindFailure;
        }
        return new EaselServer(app, worker, hub, store, instanceId);
    }

    /** With {@code --auth}, the users who may sign in; a start without any is refused, since nobody could use it. */
    private static Optional<TokenCheck> tokenCheck(ServerConfig config) {
        if (!config.access().auth()) return Optional.empty();
        Accounts accounts = Accounts.open(config.folders().user());
        GuessLimit guessing = config.access().guessing();
        if (accounts.all().isEmpty()) {
            throw new AccountsUnusable("--auth needs at least one user, and " + accounts.file() + " has none: run "
                    + "'easel users add NAME --admin' (with the same --base-directory or --user-directory) and start again");
        }
        LOG.info("Authentication on: {} user(s) from {}; every request needs a token; an address that presents {} wrong "
                + "tokens within {} s is locked out", accounts.all().size(), accounts.file(), guessing.maxFailures(),
                guessing.window().toSeconds());
        return Optional.of(new TokenCheck(accounts, PageRoutes::isShell, new Lockouts(guessing)));
    }

    private static void configure(JavalinConfig cfg, ServerConfig config, Services services, WsEndpoint ws,
                                  SocketLimits sockets, Optional<TokenCheck> tokens) {
        long maxBody = config.network().maxUploadBytes();
        cfg.startup.showJavalinBanner = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.http.maxRequestSize = maxBody;
        // As aiohttp: a known path with the wrong method is 405, and bodies go out uncompressed.
        cfg.http.prefer405over404 = true;
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        // ComfyUI clients keep an idle socket open for hours; Jetty's default would drop it.
        // A client message over the limit closes that socket with 1009; clients only send small JSON.
        cfg.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setIdleTimeout(Duration.ZERO);
            factory.setMaxTextMessageSize(sockets.maxMessageBytes());
            factory.setMaxBinaryMessageSize(sockets.maxMessageBytes());
        });
        // aiohttp takes '<', '>', '^', '|', '"', '{' and '}' unencoded in a query (clients put them
        // in ?clientId=); Jetty's default compliance would answer 400 before any handler
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setUriCompliance(UriCompliance.LEGACY);
            http.addCustomizer(new LenientQuery());
        });
        bind(cfg, config.network());
        RequestGuard guard = new RequestGuard(config.network().corsOrigin(), maxBody, config.network().listen(), tokens);
        cfg.routes.before(guard::before);
        cfg.routes.beforeMatched(RoleCheck::require);
        cfg.routes.wsBeforeUpgrade(guard::beforeUpgrade);
        cfg.routes.wsBeforeUpgrade(ws::beforeUpgrade);
        cfg.routes.after(CacheHeaders::after);
        ErrorMapping.install(cfg);
        Api api = new Api(cfg.routes);
        new PromptRoutes(services).register(api);
        new QueueRoutes(services).register(api);
        new HistoryRoutes(services).register(api);
        new JobsRoutes(services).register(cfg.routes);
        new NodeInfoRoutes(services).register(api);
        new FileRoutes(services).register(api);
        new UploadRoutes(services).register(api);
        new ListingRoutes(services).register(api);
        ManagerRoutes.register(cfg, api, services);
        SseClients sse = new SseClients(services.hub(), sockets, HeartbeatClock.system());
        cfg.events.serverStopping(sse::close);
        new EventsRoutes(sse, services.hub()).register(api);
        new RootRoutes(services).register(cfg.routes);
        new PageRoutes().register(cfg.routes);
        ws.observePongs(cfg);
        cfg.routes.ws("/ws", ws::configure);
        cfg.routes.ws("/api/ws", ws::configure);
        config.frontEndRoot().ifPresent(root -> cfg.staticFiles.add(files -> {
            files.directory = root.toAbsolutePath().toString();
            files.location = Location.EXTERNAL;
            // Cache-Control comes from CacheHeaders, ComfyUI's rules, not Javalin's default.
            files.headers = Map.of();
        }));
    }

    private static void bind(JavalinConfig cfg, Network network) {
        var addresses = network.listen().isEmpty() ? List.of("127.0.0.1") : network.listen();
        cfg.jetty.host = addresses.get(0);
        cfg.jetty.port = network.port();
        for (String extra : addresses.subList(1, addresses.size())) {
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(extra);
                connector.setPort(network.port());
                return connector;
            });
        }
    }

    private static void createDirectories(ServerFolders folders) {
        try {
            for (Path dir : folders.written()) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the server's directories", e);
        }
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    /** A route as the router holds it: method and path pattern ({@code {name}} for a path parameter). */
    public record Route(String method, String path) {}

    /**
     * Every route the router holds: the HTTP endpoints with their methods, and the WebSocket
     * paths with the method {@code WEBSOCKET}. Read from the router itself, so a test that walks
     * them also covers routes added later.
     */
    public List<Route> routes() {
        var router = app.unsafe.internalRouter;
        var http = router.allHttpHandlers().stream().map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod()).map(e -> new Route(e.method.name(), e.path));
        var sockets = router.allWsHandlers().stream().filter(e -> e.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET)
                .map(e -> new Route("WEBSOCKET", e.getPath()));
        return java.util.stream.Stream.concat(http, sockets).toList();
    }

    /** The socket registry, for diagnostics and tests. */
    public SocketHub hub() {
        return hub;
    }

    /** This start's id, new each time the server starts. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Stops as SIGTERM asks: no more requests, the running job given {@code grace} to finish
     * (otherwise recorded as failed), pending jobs left queued for the next start, the store closed.
     */
    public void stop(Duration grace) {
        if (!closed.compareAndSet(false, true)) return;
        LOG.info("Stopping: no new prompts; waiting up to {} s for the running one", grace.toSeconds());
        app.stop();
        worker.drain(grace, "The server was stopped and this prompt did not finish within the grace period of "
                + grace.toSeconds() + " s");
        worker.close();
        int queued = store.remaining();
        store.close();
        LOG.info("Stopped; {} job(s) stay queued for the next start", queued);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        app.stop();
        worker.close();
        store.close();
    }
}
