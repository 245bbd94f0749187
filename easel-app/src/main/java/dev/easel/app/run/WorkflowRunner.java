package dev.easel.app.run;

import dev.easel.engine.files.FileSpace;
import dev.easel.app.config.EaselSettings;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.exec.RunOutcome;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.validate.PromptValidator;
import dev.easel.engine.validate.ValidationResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code easel run}: validates and runs one workflow in this process, progress on {@code err},
 * the files written on {@code out}. Exit codes: 0 all ran, 1 rejected or failed (or some
 * outputs were dropped by validation), 130 interrupted.
 */
public final class WorkflowRunner {
    public static final int INTERRUPTED = 130;

    private final NodeRegistry registry;
    private final EaselSettings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    public WorkflowRunner(NodeRegistry registry, EaselSettings settings, PrintWriter out, PrintWriter err,
                          boolean interactive) {
        this.registry = registry;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public int run(Path workflowFile) {
        WorkflowFile workflow = WorkflowFile.read(workflowFile);
        FileSpace files = settings.packEnvironment().files();
        ValidationResult verdict = new PromptValidator(registry).validate(workflow.prompt(), Optional.empty(), files);
        List<String> outputs;
        switch (verdict) {
            case ValidationResult.Invalid invalid -> {
                ValidationReport.printRejected(err, invalid.error(), invalid.nodeErrors());
                return 1;
            }
            case ValidationResult.Valid valid -> {
                if (!valid.nodeErrors().isEmpty()) ValidationReport.printSkipped(err, valid.nodeErrors());
                outputs = valid.outputs();
            }
        }
        ConsoleProgress console = new ConsoleProgress(err, workflow.prompt(), interactive);
        SocketImages socketImages = new SocketImages(workflow.prompt());
        RunOutcome outcome = execute(new ExecutionRequest(UUID.randomUUID().toString(), workflow.prompt(), outputs,
                workflow.extraData(), files), event -> {
                    console.onEvent(event);
                    socketImages.onEvent(event);
                });
        printFiles(workflow, outcome.outputs());
        printSocketImages(socketImages);
        return switch (outcome.status()) {
            case SUCCESS -> verdict.nodeErrors().isEmpty() ? 0 : 1;
            case FAILED -> 1;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    /** Runs with Ctrl-C wired to the interrupt signal, so the run ends cleanly with its terminal event. */
    private RunOutcome execute(ExecutionRequest request, ExecutionListener listener) {
        InterruptSignal interrupt = new InterruptSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            err.println("Interrupt requested: stopping at the next step");
            err.flush();
            interrupt.raise();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "easel-run-interrupt");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return new PromptExecutor(registry, settings.cache()).execute(request, listener, interrupt);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it returns as soon as it sees the latch
            }
        }
    }

    private void printSocketImages(SocketImages images) {
        try {
            images.write(settings.folders().output()).forEach((nodeId, files) ->
                    files.forEach(file -> out.println("#" + nodeId + " " + SocketImages.NODE_TYPE + " wrote " + file)));
        } catch (IOException e) {
            err.println("Could not write the images sent by " + SocketImages.NODE_TYPE + ": " + e.getMessage());
        }
        out.flush();
    }

    private void printFiles(WorkflowFile workflow, Map<String, Map<String, List<Object>>> uiByNode) {
        uiByNode.forEach((nodeId, ui) -> {
            String classType = workflow.prompt().node(nodeId).map(PromptNode::classType).orElse("");
            for (Path file : OutputFiles.of(ui, settings.folders())) {
                out.println("#" + nodeId + (classType.isEmpty() ? "" : " " + classType) + " wrote " + file);
            }
        });
        out.flush();
    }
}
