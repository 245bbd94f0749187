package dev.easel.server;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.ResourceLimits;
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
 * @param argv              the command line the process was started with, as {@code /system_stats} reports it
 * @param jobStore          where queue and history are kept and how much history
 */
public record ServerConfig(List<String> listen, int port, Path baseDir, Path outputDir, Path inputDir, Path tempDir,
                           Path userDir, CachePolicy cache, double maxUploadSizeMb, Optional<String> corsOrigin,
                           boolean disableMetadata, String previewMethod, int previewSize,
                           Optional<Path> frontEndRoot, Map<String, List<Path>> modelFolders, ResourceLimits limits,
                           SocketLimits sockets, boolean multiUser, List<String> argv, JobStoreSettings jobStore) {

    public ServerConfig {
        listen = List.copyOf(listen);
        modelFolders = Map.copyOf(modelFolders);
        argv = List.copyOf(argv);
    }

    /** Single-user, with no command line to report and the default job store. */
    public ServerConfig(List<String> listen, int port, Path baseDir, Path outputDir, Path inputDir, Path tempDir,
                        Path userDir, CachePolicy cache, double maxUploadSizeMb, Optional<String> corsOrigin,
                        boolean disableMetadata, String previewMethod, int previewSize,
                        Optional<Path> frontEndRoot, Map<String, List<Path>> modelFolders, ResourceLimits limits,
                        SocketLimits sockets) {
        this(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb, corsOrigin,
                disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets, false, List.of(),
                JobStoreSettings.defaults());
    }

    /** With the default {@link ResourceLimits} and {@link SocketLimits}. */
    public ServerConfig(List<String> listen, int port, Path baseDir, Path outputDir, Path inputDir, Path tempDir,
                        Path userDir, CachePolicy cache, double maxUploadSizeMb, Optional<String> corsOrigin,
                        boolean disableMetadata, String previewMethod, int previewSize,
                        Optional<Path> frontEndRoot, Map<String, List<Path>> modelFolders) {
        this(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb, corsOrigin,
                disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, ResourceLimits.defaults(),
                SocketLimits.defaults());
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
                false, "none", 512, Optional.empty(), Map.of());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(listen, newPort, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                multiUser, argv, jobStore);
    }

    public ServerConfig withLimits(ResourceLimits newLimits) {
        return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, newLimits, sockets,
                multiUser, argv, jobStore);
    }

    public ServerConfig withSockets(SocketLimits newSockets) {
        return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, newSockets,
                multiUser, argv, jobStore);
    }

    public ServerConfig withListen(List<String> addresses) {
        return new ServerConfig(addresses, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                multiUser, argv, jobStore);
    }

    public ServerConfig withCache(CachePolicy newCache) {
        return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, newCache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                multiUser, argv, jobStore);
    }

    public ServerConfig withMultiUser(boolean newMultiUser) {
        return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                newMultiUser, argv, jobStore);
    }

    public ServerConfig withArgv(List<String> newArgv) {
        return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                multiUser, newArgv, jobStore);
    }

    public ServerConfig withJobStore(JobStoreSettings newJobStore) {
        return new ServerConfig(listen, port, baseDir, outputDir, inputDir, tempDir, userDir, cache, maxUploadSizeMb,
                corsOrigin, disableMetadata, previewMethod, previewSize, frontEndRoot, modelFolders, limits, sockets,
                multiUser, argv, newJobStore);
    }

    public long maxUploadBytes() {
        return Math.round(maxUploadSizeMb * 1024 * 1024);
    }
}
