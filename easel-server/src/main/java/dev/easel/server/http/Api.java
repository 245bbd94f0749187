package dev.easel.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** Registers a route at its own path and under {@code /api}, as ComfyUI does for every route. */
public final class Api {
    private final RoutesConfig routes;

    public Api(RoutesConfig routes) {
        this.routes = routes;
    }

    public Api get(String path, Handler handler) {
        return both(HandlerType.GET, path, handler);
    }

    public Api post(String path, Handler handler) {
        return both(HandlerType.POST, path, handler);
    }

    public Api delete(String path, Handler handler) {
        return both(HandlerType.DELETE, path, handler);
    }

    private Api both(HandlerType method, String path, Handler handler) {
        Handler guarded = Guarded.handler(handler);
        routes.addHttpHandler(method, path, guarded);
        routes.addHttpHandler(method, "/api" + path, guarded);
        return this;
    }
}
