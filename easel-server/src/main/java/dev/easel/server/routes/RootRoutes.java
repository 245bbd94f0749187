package dev.easel.server.routes;

import dev.easel.server.auth.Identity;
import dev.easel.server.auth.SessionCookie;
import dev.easel.server.auth.TokenCheck;
import dev.easel.server.http.Guarded;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /}: the front end's index page, or Easel's own page when none is configured; with {@code --auth},
 * {@code /?token=TOKEN} signs the browser in ({@link SessionCookie}).
 */
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
        if (signsIn(ctx)) {
            ctx.header("Set-Cookie", SessionCookie.signIn(ctx.queryParam(TokenCheck.QUERY_PARAMETER)));
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            return;
        }
        Optional<Path> index = services.config().frontEndRoot().map(root -> root.resolve("index.html"))
                .filter(Files::isRegularFile);
        if (index.isPresent()) {
            ctx.contentType("text/html; charset=utf-8").result(Files.readAllBytes(index.get()));
        } else {
            ctx.contentType("text/html; charset=utf-8").result(PageRoutes.index());
        }
    }

    /** {@code /?token=TOKEN} with a valid token, under {@code --auth}: the browser is signed in with the cookie. */
    private boolean signsIn(Context ctx) {
        return services.config().access().auth() && ctx.attribute(Identity.ATTRIBUTE) != null && TokenCheck.byQuery(ctx);
    }

    /** The same page without the token, relative so that it stays under a reverse proxy's sub-path. */
    private static String withoutToken(Context ctx) {
        String rest = ctx.queryParamMap().entrySet().stream().filter(e -> !e.getKey().equals(TokenCheck.QUERY_PARAMETER))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? "./" : "./?" + rest;
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
