package dev.easel.server;

import java.util.List;
import java.util.Optional;

/**
 * Where the server listens and what it lets browsers and clients send.
 *
 * @param listen          addresses to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} and {@code ::} for all)
 * @param port            TCP port; 0 picks a free one (tests)
 * @param corsOrigin      {@code --enable-cors-header} value ({@code *} for the bare flag)
 * @param maxUploadSizeMb request body limit in MB ({@code --max-upload-size}, default 100)
 */
public record Network(List<String> listen, int port, Optional<String> corsOrigin, double maxUploadSizeMb) {

    public Network {
        listen = List.copyOf(listen);
    }

    /** ComfyUI's defaults: loopback only, port 8188, no CORS headers, 100 MB bodies. */
    public static Network defaults() {
        return new Network(List.of("127.0.0.1"), 8188, Optional.empty(), 100.0);
    }

    /** The request body limit in bytes, as Jetty, the body reader and the feature flags take it. */
    public long maxUploadBytes() {
        return Math.round(maxUploadSizeMb * 1024 * 1024);
    }

    public Network withPort(int newPort) {
        return new Network(listen, newPort, corsOrigin, maxUploadSizeMb);
    }

    public Network withCorsOrigin(Optional<String> newCorsOrigin) {
        return new Network(listen, port, newCorsOrigin, maxUploadSizeMb);
    }

    public Network withMaxUploadSizeMb(double newMaxUploadSizeMb) {
        return new Network(listen, port, corsOrigin, newMaxUploadSizeMb);
    }
}
