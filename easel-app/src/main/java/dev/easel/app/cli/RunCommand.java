package dev.easel.app.cli;

import dev.easel.app.config.DemoModelInstall;
import dev.easel.app.config.EaselSettings;
import dev.easel.app.packs.NodePacks;
import dev.easel.app.run.WorkflowRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code easel run WORKFLOW.json}: runs one API-format workflow without a server. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs one API-format workflow in this process, shows progress and prints the files it wrote.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKFLOW.json", description = "The workflow, in ComfyUI's API format.")
    Path workflow;

    @Mixin
    SetupOptions setup = new SetupOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    public EaselSettings settings() {
        return setup.settings(limits.limits(spec.commandLine()));
    }

    @Override
    public Integer call() {
        EaselCommand.rejectFlagsBefore(spec, "easel run [FLAGS] WORKFLOW.json");
        EaselCommand.applyLogging(spec, logging);
        EaselSettings settings = settings();
        settings.folders().create();
        DemoModelInstall.ensure(settings.folders());
        NodePacks.Loaded packs = NodePacks.load(settings);
        return new WorkflowRunner(packs.registry(), settings, spec.commandLine().getOut(),
                spec.commandLine().getErr(), System.console() != null).run(workflow);
    }
}
