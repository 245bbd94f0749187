package dev.easel.server;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.ResourceLimits;
import dev.easel.server.auth.GuessLimit;
import dev.easel.server.store.JobStoreSettings;
import dev.easel.server.ws.SocketLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the server is started with; built by the command line from ComfyUI's flags.
 *
 * @param network      where to listen and what requests may send (see {@link Network})
 * @param folders      the folders read and written, model folders included (see {@link ServerFolders})
 * @param cache        how the executor keeps node outputs between prompts
 * @param images       how saved images and previews are written (see {@link ImageSettings})
 * @param frontEndRoot static files served at {@code /}
 * @param limits       what one request or prompt may cost (see {@link ResourceLimits})
 * @param sockets      bounds of each WebSocket's queue and of the messages clients send
 * @param access       users and tokens (see {@link Access})
 * @param argv         the command line the process was started with, as {@code /system_stats} reports it
 * @param jobStore     where queue and history are kept and how much history
 */
public record ServerConfig(Network network, ServerFolders folders, CachePolicy cache, ImageSettings images,
                           Optional<Path> frontEndRoot, ResourceLimits limits, SocketLimits sockets, Access access,
                           List<String> argv, JobStoreSettings jobStore) {

    public ServerConfig {
        argv = List.copyOf(argv);
    }

    /** Defaults under one base directory, on ComfyUI's port 8188 of the loopback address. */
    public static ServerConfig defaults(Path base) {
        return new ServerConfig(Network.defaults(), ServerFolders.under(base), CachePolicy.classic(),
                ImageSettings.defaults(), Optional.empty(), ResourceLimits.defaults(), SocketLimits.defaults(),
                Access.defaults(), List.of(), JobStoreSettings.defaults());
    }

    public ServerConfig withNetwork(Network newNetwork) {
        return new ServerConfig(newNetwork, folders, cache, images, frontEndRoot, limits, sockets, access, argv, jobStore);
    }

    public ServerConfig withFolders(ServerFolders newFolders) {
        return new ServerConfig(network, newFolders, cache, images, frontEndRoot, limits, sockets, access, argv, jobStore);
    }

    public ServerConfig withCache(CachePolicy newCache) {
        return new ServerConfig(network, folders, newCache, images, frontEndRoot, limits, sockets, access, argv, jobStore);
    }

    public ServerConfig withFrontEndRoot(Optional<Path> newFrontEndRoot) {
        return new ServerConfig(network, folders, cache, images, newFrontEndRoot, limits, sockets, access, argv, jobStore);
    }

    public ServerConfig withLimits(ResourceLimits newLimits) {
        return new ServerConfig(network, folders, cache, images, frontEndRoot, newLimits, sockets, access, argv, jobStore);
    }

    public ServerConfig withSockets(SocketLimits newSockets) {
        return new ServerConfig(network, folders, cache, images, frontEndRoot, limits, newSockets, access, argv, jobStore);
    }

    public ServerConfig withAccess(Access newAccess) {
        return new ServerConfig(network, folders, cache, images, frontEndRoot, limits, sockets, newAccess, argv, jobStore);
    }

    public ServerConfig withArgv(List<String> newArgv) {
        return new ServerConfig(network, folders, cache, images, frontEndRoot, limits, sockets, access, newArgv, jobStore);
    }

    public ServerConfig withJobStore(JobStoreSettings newJobStore) {
        return new ServerConfig(network, folders, cache, images, frontEndRoot, limits, sockets, access, argv, newJobStore);
    }

    public ServerConfig withPort(int newPort) {
        return withNetwork(network.withPort(newPort));
    }

    public ServerConfig withMultiUser(boolean newMultiUser) {
        return withAccess(access.withMultiUser(newMultiUser));
    }

    public ServerConfig withAuth(boolean newAuth) {
        return withAccess(access.withAuth(newAuth));
    }

    public ServerConfig withGuessing(GuessLimit newGuessing) {
        return withAccess(access.withGuessing(newGuessing));
    }
}
