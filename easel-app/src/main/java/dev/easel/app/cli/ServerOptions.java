package dev.easel.app.cli;

import dev.easel.app.config.EaselSettings;
import dev.easel.app.config.Folders;
import dev.easel.server.ServerConfig;
import dev.easel.server.store.JobStoreSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** ComfyUI's flags for the HTTP side: where to listen and what to allow. */
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

    public ServerConfig serverConfig(EaselSettings settings) {
        Folders f = settings.folders();
        return new ServerConfig(listenAddresses(), port, f.base(), f.output(), f.input(), f.temp(), f.user(),
                settings.cache(), maxUploadSize, Optional.ofNullable(corsOrigin), settings.metadataDisabled(),
                settings.previewMethod().wireName(), settings.previewSize(),
                Optional.ofNullable(frontEndRoot).map(p -> p.toAbsolutePath().normalize()), settings.modelFolders())
                .withJobStore(new JobStoreSettings(jobStore, maxHistory));
    }
}
