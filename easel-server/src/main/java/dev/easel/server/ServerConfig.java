package dev.easel.server;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.ResourceLimits;
import dev.easel.server.auth.GuessLimit;
import dev.easel.server.store.JobStoreSettings;
import dev.easel.server.ws.SocketLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server is started with; built by the command line from ComfyUI's flags.
 *
 * @param listen            addresses to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} and {@code ::} for all)
 * @param port              TCP port; 0 picks a free one (tests)
 * @param maxUploadSizeMb   request body limit in MB ({@code --max-upload-size}, default 100)
 * @param corsOrigin        {@code --enable-cors-header} value ({@code *} for the bare flag)
 * @param frontEndRoot      static files served at {@code /}
 * @param modelFolders      ComfyUI model folder keys to the directories searched (from the models
 *                          directory and extra_model_paths files); a key not listed means
 *                          {@code <base>/models/<key>}
 * @param limits            what one request or prompt may cost (see {@link ResourceLimits})
 * @param sockets           bounds of each WebSocket's queue and of the messages clients send
 * @param multiUser         {@code --multi-user}: the {@code comfy-user} header picks the user among those of
 *                          {@code users.json}; otherwise every request is the user {@code default}
 * @param auth              {@code --auth}: every request needs the API token of a user of {@code <user dir>/auth.json}
 * @param argv              the command line the process was started with, as {@code /system_stats} reports it
 * @param jobStore          where queue and history are kept and how much history
 * @param guessing          with {@code --auth}, how many wrong tokens one address may present ({@code --auth-max-failures})
 */
public record ServerConfig(List<String> listen, int port, Path baseDir, Path outputDir, Path inputDir, Path tempDir,
                           Path userDir, CachePolicy cache, double maxUploadSizeMb, Optional<String> corsOrigin,
                           boolean disableMetadata, String previewMethod, int previewSize,
                           Optional<Path> frontEndRoot, Map<String, List<Path>> modelFolders, ResourceLimits limits,
                           SocketLimits sockets, boolean multiUser, boolean auth, List<String> argv, JobStoreSettings jobStore,
                           GuessLimit guessing) {

    public ServerConfig {
        listen = List.copyOf(listen);
        modelFolders = Map.copyOf(modelFolders);
        argv = List.copyOf(argv);
    }

    /** The directories searched for a folder key; {@code custom_nodes} is beside {@code models}, not in it. */
    public List<Path> modelPaths(String folder) {
        Path byDefault = folder.equals("custom_nodes") ? baseDir.resolve(folder) : baseDir.resolve("models").resolve(folder);
        return modelFolders.getOrDefault(folder, List.of(byDefault));
    }

    /** Defaults under one base directory, on a free loopback port. */
    public static ServerConfig defaults(Path base) {
        return new ServerConfig(List.of("127.0.0.1"), 8188, base, base.resolve("output"), base.resolve("input"),
                base.resolve("temp"), base.resolve("user"), CachePolicy.classic(), 100.0, Optional.empty(),
                false, "none", 512, Optional.empty(), Map.of(), ResourceLimits.defaults(), SocketLimits.defaults(),
                false, false, List.of(), JobStoreSettings.defaults(), GuessLimit.defaults());
    }

    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public ServerConfig withLimits(ResourceLimits newLimits) {
        return toBuilder().limits(newLimits).build();
    }

    public ServerConfig withSockets(SocketLimits newSockets) {
        return toBuilder().sockets(newSockets).build();
    }

    public ServerConfig withListen(List<String> addresses) {
        return toBuilder().listen(addresses).build();
    }

    public ServerConfig withCache(CachePolicy newCache) {
        return toBuilder().cache(newCache).build();
    }

    public ServerConfig withMultiUser(boolean newMultiUser) {
        return toBuilder().multiUser(newMultiUser).build();
    }

    public ServerConfig withAuth(boolean newAuth) {
        return toBuilder().auth(newAuth).build();
    }

    public ServerConfig withArgv(List<String> newArgv) {
        return toBuilder().argv(newArgv).build();
    }

    public ServerConfig withJobStore(JobStoreSettings newJobStore) {
        return toBuilder().jobStore(newJobStore).build();
    }

    public ServerConfig withGuessing(GuessLimit newGuessing) {
        return toBuilder().guessing(newGuessing).build();
    }

    /** A builder starting from this configuration, for changing several fields or ones without a {@code with…}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public long maxUploadBytes() {
        return Math.round(maxUploadSizeMb * 1024 * 1024);
    }

    /** Every field of a {@link ServerConfig}, settable one at a time; {@link #build} checks nothing more than the record does. */
    public static final class Builder {
        private List<String> listen;
        private int port;
        private Path baseDir, outputDir, inputDir, tempDir, userDir;
        private CachePolicy cache;
        private double maxUploadSizeMb;
        private Optional<String> corsOrigin;
        private boolean disableMetadata;
        private String previewMethod;
        private int previewSize;
        private Optional<Path> frontEndRoot;
        private Map<String, List<Path>> modelFolders;
        private ResourceLimits limits;
        private SocketLimits sockets;
        private boolean multiUser;
        private boolean auth;
        private List<String> argv;
        private JobStoreSettings jobStore;
        private GuessLimit guessing;

        private Builder(ServerConfig c) {
            listen = c.listen;
            port = c.port;
            baseDir = c.baseDir;
            outputDir = c.outputDir;
            inputDir = c.inputDir;
            tempDir = c.tempDir;
            userDir = c.userDir;
            cache = c.cache;
            maxUploadSizeMb = c.maxUploadSizeMb;
            corsOrigin = c.corsOrigin;
            disableMetadata = c.disableMetadata;
            previewMethod = c.previewMethod;
            previewSize = c.previewSize;
            frontEndRoot = c.frontEndRoot;
            modelFolders = c.modelFolders;
            limits = c.limits;
            sockets = c.sockets;
            multiUser = c.multiUser;
            auth = c.auth;
            argv = c.argv;
            jobStore = c.jobStore;
            guessing = c.guessing;
        }

        public Builder listen(List<String> v) { listen = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder cache(CachePolicy v) { cache = v; return this; }
        public Builder maxUploadSizeMb(double v) { maxUploadSizeMb = v; return this; }
        public Builder corsOrigin(Optional<String> v) { corsOrigin = v; return this; }
        public Builder frontEndRoot(Optional<Path> v) { frontEndRoot = v; return this; }
        public Builder modelFolders(Map<String, List<Path>> v) { modelFolders = v; return this; }
        public Builder limits(ResourceLimits v) { limits = v; return this; }
        public Builder sockets(SocketLimits v) { sockets = v; return this; }
        public Builder multiUser(boolean v) { multiUser = v; return this; }
        public Builder auth(boolean v) { auth = v; return this; }
        public Builder argv(List<String> v) { argv = v; return this; }
        public Builder jobStore(JobStoreSettings v) { jobStore = v; return this; }
        public Builder guessing(GuessLimit v) { guessing = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                    corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                    multiUser, auth, argv, jobStore, guessing);
        }
    }
}
