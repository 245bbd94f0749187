package dev.easel.app.cli;

import dev.easel.app.config.EaselSettings;
import dev.easel.app.packs.NodePacks;
import dev.easel.app.serve.ServerLauncher;
import dev.easel.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code easel [flags]}: starts the server with ComfyUI's flags; {@code easel run} runs one workflow. */
@Command(name = "easel", mixinStandardHelpOptions = true, versionProvider = EaselVersion.class,
        subcommands = RunCommand.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "A ComfyUI-compatible workflow server for the JVM.%nWithout a command, starts the server.")
public final class EaselCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    SetupOptions setup = new SetupOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    /** A command line with Easel's conventions: usage errors exit 2, configuration errors exit 1 in one line. */
    public static CommandLine commandLine() {
        return new CommandLine(new EaselCommand())
                .setExecutionExceptionHandler(new FailureHandler());
    }

    /** The server configuration the flags describe (reads the extra model path files). */
    public ServerConfig serverConfig() {
        return server.serverConfig(settings());
    }

    public EaselSettings settings() {
        return setup.settings();
    }

    static void applyLogging(CommandSpec spec, LoggingOptions logging) {
        try {
            logging.apply();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        if (server.port < 0 || server.port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + server.port);
        }
        if (server.listenAddresses().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--listen needs at least one address");
        }
        applyLogging(spec, logging);
        EaselSettings settings = settings();
        settings.folders().create();
        NodePacks.Loaded packs = NodePacks.load(settings);
        return ServerLauncher.serve(server.serverConfig(settings), packs.registry());
    }
}
