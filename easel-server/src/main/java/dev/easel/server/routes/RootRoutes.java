package dev.easel.server.routes;

import dev.easel.server.http.Guarded;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code GET /}: the front end's index page, or Easel's own page when none is configured. */
public final class RootRoutes {
    private final Services services;

    public RootRoutes(Services services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", Guarded.handler(this::index));
    }

    private void index(Context ctx) throws IOException {
        ctx.header("Cache-Control", "no-store, must-revalidate").header("Pragma", "no-cache").header("Expires", "0");
        Optional<Path> index = services.config().frontEndRoot().map(root -> root.resolve("index.html"))
                .filter(Files::isRegularFile);
        if (index.isPresent()) {
            ctx.contentType("text/html; charset=utf-8").result(Files.readAllBytes(index.get()));
        } else {
            ctx.contentType("text/html; charset=utf-8").result(PageRoutes.index());
        }
    }
}
