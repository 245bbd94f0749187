package dev.easel.testingnodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.Preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A node context for calling nodes directly: records progress, hands out one expansion prefix. */
public final class FakeNodeContext implements NodeContext {
    public static final String PREFIX = "5.0.0.";
    /** The files of the calls: no testing node reads or writes one. */
    public static final FileSpace FILES = FileSpace.under(Path.of("target", "testing-node-files"));

    public record ProgressCall(double value, double max) {}

    private final String uniqueId;
    private final DynamicPrompt prompt;
    private final String prefix;
    private final List<ProgressCall> progress = new CopyOnWriteArrayList<>();
    private volatile boolean interrupted;

    public FakeNodeContext(String uniqueId, DynamicPrompt prompt, String prefix) {
        this.uniqueId = uniqueId;
        this.prompt = prompt;
        this.prefix = prefix;
    }

    public FakeNodeContext(String uniqueId, DynamicPrompt prompt) {
        this(uniqueId, prompt, PREFIX);
    }

    public FakeNodeContext() {
        this("5", new DynamicPrompt(prompt("{}")));
    }

    public static Prompt prompt(String json) {
        try {
            return Prompt.parse((ObjectNode) new ObjectMapper().readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public List<ProgressCall> progress() {
        return List.copyOf(progress);
    }

    public void interrupt() {
        interrupted = true;
    }

    @Override public String promptId() { return "prompt-1"; }
    @Override public String uniqueId() { return uniqueId; }
    @Override public String displayId() { return uniqueId; }
    @Override public Optional<String> parentId() { return Optional.empty(); }
    @Override public String realNodeId() { return uniqueId; }

    @Override
    public void progress(Number value, Number max, Optional<Preview> preview) {
        checkInterrupted();
        progress.add(new ProgressCall(value.doubleValue(), max.doubleValue()));
    }

    @Override public void progressText(String text) {}

    @Override
    public void checkInterrupted() {
        if (interrupted) throw new ExecutionInterruptedException();
    }

    @Override public boolean isInterrupted() { return interrupted; }
    @Override public GraphBuilder newGraph() { return new GraphBuilder(prefix); }
    @Override public DynamicPrompt dynamicPrompt() { return prompt; }

    @Override
    public FileSpace files() {
        return FILES;
    }
}
