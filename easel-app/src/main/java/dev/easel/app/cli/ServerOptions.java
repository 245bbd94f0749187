package dev.easel.app.cli;

import dev.easel.app.config.EaselSettings;
import dev.easel.app.config.Folders;
import dev.easel.engine.node.ResourceLimits;
import dev.easel.server.Access;
import dev.easel.server.ImageSettings;
import dev.easel.server.Network;
import dev.easel.server.ServerConfig;
import dev.easel.server.ServerFolders;
import dev.easel.server.auth.GuessLimit;
import dev.easel.server.store.JobStoreSettings;
import dev.easel.server.ws.SocketLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ComfyUI's flags for the HTTP side (where to listen, what to allow) and Easel's bounds of a request and a WebSocket. */
public final class ServerOptions {

    @Option(names = "--listen", paramLabel = "IP[,IP...]", arity = "0..1", defaultValue = "127.0.0.1",
            fallbackValue = "0.0.0.0,::",
            description = "Addresses to listen on, comma separated (default: ${DEFAULT-VALUE}; the bare flag listens on all: 0.0.0.0,::).")
    String listen;

    @Option(names = "--port", defaultValue = "8188", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-upload-size", paramLabel = "MB", defaultValue = "100",
            description = "Largest upload accepted, in MB (default: ${DEFAULT-VALUE}).")
    double maxUploadSize;

    @Option(names = "--enable-cors-header", paramLabel = "ORIGIN", arity = "0..1", fallbackValue = "*",
            description = "Send CORS headers allowing ORIGIN (the bare flag allows any origin: *).")
    String corsOrigin;

    @Option(names = "--front-end-root", paramLabel = "DIR", description = "Serve the web front end from DIR.")
    Path frontEndRoot;

    @Option(names = "--multi-user", description = "Keep settings and user data per user, chosen by the comfy-user "
            + "request header among the users of users.json (no authentication, as in ComfyUI).")
    boolean multiUser;

    @Option(names = "--auth", description = "Require an API token on every request and WebSocket (Authorization: "
            + "Bearer TOKEN or ?token=TOKEN), except Easel's page, which asks for one. Users and tokens: 'easel users add NAME --admin'.")
    boolean auth;

    @Option(names = "--auth-max-failures", paramLabel = "N", defaultValue = "20",
            description = "With --auth, how many wrong tokens one address may present within a minute; beyond them its "
                    + "requests with a token are answered 429, unchecked, until the minute lets one through (default: ${DEFAULT-VALUE}).")
    int authMaxFailures;

    @Option(names = "--max-prompt-nodes", paramLabel = "N", defaultValue = "100000",
            description = "Most nodes a submitted prompt may have (default: ${DEFAULT-VALUE}).")
    int maxPromptNodes;

    @Option(names = "--max-json-depth", paramLabel = "N", defaultValue = "256",
            description = "Deepest nesting of a JSON request body (default: ${DEFAULT-VALUE}).")
    int maxJsonDepth;

    @Option(names = "--max-reported-errors", paramLabel = "N", defaultValue = "100",
            description = "Most failing nodes, outputs per node and lines a validation error lists (default: ${DEFAULT-VALUE}).")
    int maxReportedErrors;

    @Option(names = "--max-concurrent-decodes", paramLabel = "N", defaultValue = "2",
            description = "How many /view previews and channels are decoded at once; others wait (default: ${DEFAULT-VALUE}).")
    int maxConcurrentDecodes;

    @Option(names = "--ws-queue-soft-limit", paramLabel = "MB", defaultValue = "8",
            description = "Queued bytes per WebSocket above which waiting previews give way to the newest (default: ${DEFAULT-VALUE}).")
    double wsQueueSoftLimitMb;

    @Option(names = "--ws-queue-limit", paramLabel = "MB", defaultValue = "64",
            description = "Queued bytes per WebSocket above which the client is dropped as too slow (default: ${DEFAULT-VALUE}).")
    double wsQueueLimitMb;

    @Option(names = "--ws-write-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest one WebSocket write may take before the client is dropped (default: ${DEFAULT-VALUE}).")
    double wsWriteTimeoutSeconds;

    @Option(names = "--ws-max-message-size", paramLabel = "KB", defaultValue = "64",
            description = "Largest message a client may send over the WebSocket, in KB (default: ${DEFAULT-VALUE}).")
    double wsMaxMessageKb;

    @Option(names = "--ws-ping-interval", paramLabel = "SECONDS", defaultValue = "20",
            description = "How often each WebSocket is pinged; 0 turns heartbeats off (default: ${DEFAULT-VALUE}).")
    double wsPingIntervalSeconds;

    @Option(names = "--ws-ping-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long after a ping a silent WebSocket is closed (default: ${DEFAULT-VALUE}).")
    double wsPingTimeoutSeconds;
    @Option(names = "--job-store", paramLabel = "KIND", defaultValue = "sqlite", converter = JobStoreKind.class,
            description = "Where the queue and history are kept: sqlite (a file in the user directory, kept across "
                    + "restarts) or memory (lost when the server stops) (default: ${DEFAULT-VALUE}).")
    JobStoreSettings.Kind jobStore;

    @Option(names = "--max-history", paramLabel = "N", defaultValue = "10000",
            description = "History entries kept; the oldest go first, their output files stay (default: ${DEFAULT-VALUE}).")
    int maxHistory;

    @Option(names = "--stop-grace-period", paramLabel = "SECONDS", defaultValue = "30",
            description = "On SIGTERM, how long the running prompt may take to finish before it is recorded as failed "
                    + "(default: ${DEFAULT-VALUE}). Pending prompts stay queued for the next start.")
    int stopGraceSeconds;

    /** {@code sqlite} or {@code memory}, in lower case as typed. */
    static final class JobStoreKind implements picocli.CommandLine.ITypeConverter<JobStoreSettings.Kind> {
        @Override
        public JobStoreSettings.Kind convert(String value) {
            return switch (value) {
                case "sqlite" -> JobStoreSettings.Kind.SQLITE;
                case "memory" -> JobStoreSettings.Kind.MEMORY;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected sqlite or memory, was '" + value + "'");
            };
        }
    }

    public Duration stopGrace() {
        return Duration.ofSeconds(stopGraceSeconds);
    }

    public List<String> listenAddresses() {
        return Arrays.stream(listen.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The server configuration; a limit out of range is a usage error of {@code commandLine}.
     * The node pack folders are reported among the model folders under {@code custom_nodes},
     * as ComfyUI lists them, and the command line as {@code easel} with its arguments.
     */
    public ServerConfig serverConfig(CommandLine commandLine, EaselSettings settings) {
        Folders f = settings.folders();
        Map<String, List<Path>> folders = new LinkedHashMap<>(settings.modelFolders());
        folders.put("custom_nodes", settings.customNodeDirs());
        List<String> argv = new ArrayList<>(List.of("easel"));
        if (commandLine.getParseResult() != null) argv.addAll(commandLine.getParseResult().originalArgs());
        return new ServerConfig(new Network(listenAddresses(), port, Optional.ofNullable(corsOrigin), maxUploadSize),
                new ServerFolders(f.base(), f.output(), f.input(), f.temp(), f.user(), folders), settings.cache(),
                new ImageSettings(settings.metadataDisabled(), settings.previewMethod().wireName(), settings.previewSize()),
                Optional.ofNullable(frontEndRoot).map(p -> p.toAbsolutePath().normalize()),
                limits(commandLine, settings.limits()), sockets(commandLine),
                new Access(multiUser, auth, guessing(commandLine)), argv, new JobStoreSettings(jobStore, maxHistory));
    }

    private ResourceLimits limits(CommandLine commandLine, ResourceLimits nodeLimits) {
        LimitOptions.atLeast(commandLine, "--max-upload-size", maxUploadSize, 0);
        LimitOptions.atLeast(commandLine, "--max-prompt-nodes", maxPromptNodes, 1);
        LimitOptions.atLeast(commandLine, "--max-json-depth", maxJsonDepth, 4);
        LimitOptions.atLeast(commandLine, "--max-reported-errors", maxReportedErrors, 1);
        LimitOptions.atLeast(commandLine, "--max-concurrent-decodes", maxConcurrentDecodes, 1);
        return new ResourceLimits(nodeLimits.maxImagePixels(), nodeLimits.maxTempBytesPerPrompt(),
                nodeLimits.maxMetadataBytes(), maxPromptNodes, maxJsonDepth, maxReportedErrors, maxConcurrentDecodes);
    }

    private GuessLimit guessing(CommandLine commandLine) {
        LimitOptions.atLeast(commandLine, "--auth-max-failures", authMaxFailures, 1);
        return GuessLimit.of(authMaxFailures);
    }

    private SocketLimits sockets(CommandLine commandLine) {
        LimitOptions.atLeast(commandLine, "--ws-queue-soft-limit", wsQueueSoftLimitMb, 0);
        LimitOptions.atLeast(commandLine, "--ws-queue-limit", wsQueueLimitMb, wsQueueSoftLimitMb);
        LimitOptions.atLeast(commandLine, "--ws-write-timeout", wsWriteTimeoutSeconds, 0.001);
        LimitOptions.atLeast(commandLine, "--ws-max-message-size", wsMaxMessageKb, 1);
        LimitOptions.atLeast(commandLine, "--ws-ping-interval", wsPingIntervalSeconds, 0);
        LimitOptions.atLeast(commandLine, "--ws-ping-timeout", wsPingTimeoutSeconds, 0.001);
        return new SocketLimits(LimitOptions.bytes(wsQueueSoftLimitMb), LimitOptions.bytes(wsQueueLimitMb),
                seconds(wsWriteTimeoutSeconds), Math.round(wsMaxMessageKb * 1024),
                seconds(wsPingIntervalSeconds), seconds(wsPingTimeoutSeconds));
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
