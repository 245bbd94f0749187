package dev.easel.app.cli;

import dev.easel.app.config.DemoModelInstall;
import dev.easel.app.config.EaselSettings;
import dev.easel.app.packs.NodePacks;
import dev.easel.app.serve.ServerLauncher;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code easel [flags]}: starts the server with ComfyUI's flags; {@code easel run} runs one workflow. */
@Command(name = "easel", mixinStandardHelpOptions = true, versionProvider = EaselVersion.class,
        subcommands = {RunCommand.class, UsersCommand.class}, sortOptions = false, usageHelpAutoWidth = true,
        description = "A ComfyUI-compatible workflow server for the JVM.%nWithout a command, starts the server.")
public final class EaselCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger("easel");

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    SetupOptions setup = new SetupOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    /** A command line with Easel's conventions: usage errors exit 2, configuration errors exit 1 in one line. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EaselCommand()).setExecutionExceptionHandler(new FailureHandler());
        oneConfigPerFlag(commandLine.getSubcommands().get("run").getCommandSpec());
        return commandLine;
    }

    /**
     * In {@code run}, {@code --extra-model-paths-config} takes one file per flag, so that
     * {@code run --extra-model-paths-config x.yaml flow.json} does not read the workflow as a config.
     */
    private static void oneConfigPerFlag(CommandSpec run) {
        OptionSpec many = run.findOption("--extra-model-paths-config");
        run.remove(many);
        run.addOption(OptionSpec.builder(many).arity("1").build());
    }

    /** The server configuration the flags describe (reads the extra model path files). */
    public ServerConfig serverConfig() {
        return server.serverConfig(spec.commandLine(), settings());
    }

    public EaselSettings settings() {
        return setup.settings(limits.limits(spec.commandLine()));
    }

    /**
     * {@code easel --base-directory X run flow.json} would silently work in the default folders:
     * flags of the server that came before a command are a usage error naming them.
     */
    static void rejectFlagsBefore(CommandSpec command, String usage) {
        CommandLine parent = command.commandLine().getParent();
        while (parent != null && parent.getParent() != null) parent = parent.getParent();
        if (parent == null || parent.getParseResult() == null) return;
        java.util.List<String> before = parent.getParseResult().matchedOptions().stream().map(OptionSpec::longestName).toList();
        if (!before.isEmpty()) {
            throw new ParameterException(command.commandLine(), "flags go after '" + command.name() + "' (" + usage + "); "
                    + String.join(", ", before) + " came before it");
        }
    }

    static void applyLogging(CommandSpec spec, LoggingOptions logging) {
        try {
            logging.apply();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** What serving needs, prepared as {@code easel} prepares it. */
    public record Startup(ServerConfig config, NodeRegistry registry, Duration stopGrace) {}

    @Override
    public Integer call() {
        Startup startup = prepare();
        return ServerLauncher.serve(startup.config(), startup.registry(), startup.stopGrace());
    }

    /**
     * Checks the flags, applies logging, creates the folders, installs the demo model and loads
     * the node packs: everything but listening.
     */
    public Startup prepare() {
        if (server.port < 0 || server.port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + server.port);
        }
        if (server.maxHistory < 1) {
            throw new ParameterException(spec.commandLine(), "--max-history must be at least 1, was " + server.maxHistory);
        }
        if (server.stopGraceSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--stop-grace-period must not be negative, was " + server.stopGraceSeconds);
        }
        if (server.listenAddresses().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--listen needs at least one address");
        }
        applyLogging(spec, logging);
        EaselSettings settings = settings();
        ServerConfig config = server.serverConfig(spec.commandLine(), settings);
        settings.folders().create();
        DemoModelInstall.ensure(settings.folders());
        log.info("Folders: output {}, input {}, temp {}, user {}", settings.folders().output(),
                settings.folders().input(), settings.folders().temp(), settings.folders().user());
        NodePacks.Loaded packs = NodePacks.load(settings);
        return new Startup(config, packs.registry(), server.stopGrace());
    }
}
