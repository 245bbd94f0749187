package dev.easel.server.routes;

import dev.easel.server.ServerConfig;
import dev.easel.server.http.Api;
import dev.easel.server.logs.ServerLogs;
import dev.easel.server.models.ModelCatalog;
import dev.easel.server.packs.CustomNodeFolders;
import dev.easel.server.users.Users;
import io.javalin.config.JavalinConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * The routes ComfyUI's managers add besides the execution ones (§2.11–§2.13): users, user data
 * and settings, model folders, custom-node templates, translations and subgraphs, node
 * replacements, and {@code /internal}. Everything they keep lives as long as the server.
 */
public final class ManagerRoutes {
    private ManagerRoutes() {
    }

    public static void register(JavalinConfig cfg, Api api, Services services) {
        ServerConfig config = services.config();
        Users users = Users.open(config.folders().user(), config.access().multiUser(), config.access().auth());
        new UserRoutes(users, services.bodies()).register(api);
        new UserDataRoutes(users, services.bodies()).register(api);
        new SettingsRoutes(users, services.bodies()).register(api);
        new ModelRoutes(new ModelCatalog(config.folders()), services.decoder()).register(api);
        new CustomNodeRoutes(new CustomNodeFolders(config.folders().modelPaths("custom_nodes"))).register(api);
        ServerLogs logs = ServerLogs.start(services.hub());
        cfg.events.serverStopped(logs::close);
        cfg.events.serverStartFailed(logs::close);
        new InternalRoutes(logs, new ModelCatalog(config.folders()), services.files(), services.bodies()).register(cfg.routes);
    }
}
