package dev.easel.nodes;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.Preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A node context for tests: records progress and text; interrupted once {@link #interrupt} is
 * called, with the prompt's extra data and files given at construction.
 */
public final class RecordingContext implements NodeContext {

    public record ProgressCall(Number value, Number max, Optional<Preview> preview) {}

    public final List<ProgressCall> progress = new CopyOnWriteArrayList<>();
    public final List<String> texts = new CopyOnWriteArrayList<>();
    /** The files of a context whose test reads and writes none. */
    private static final FileSpace NO_FILES = FileSpace.under(Path.of("target", "node-test-files"));

    private final Map<String, Object> extraData;
    private final FileSpace files;
    private volatile boolean interrupted;

    public RecordingContext() {
        this(Map.of());
    }

    public RecordingContext(Map<String, Object> extraData) {
        this(extraData, NO_FILES);
    }

    public RecordingContext(Map<String, Object> extraData, FileSpace files) {
        this.extraData = Map.copyOf(extraData);
        this.files = files;
    }

    public void interrupt() {
        interrupted = true;
    }

    @Override public String promptId() { return "test-prompt"; }
    @Override public String uniqueId() { return "1"; }
    @Override public String displayId() { return "1"; }
    @Override public Optional<String> parentId() { return Optional.empty(); }
    @Override public String realNodeId() { return "1"; }

    @Override
    public void progress(Number value, Number max, Optional<Preview> preview) {
        checkInterrupted();
        progress.add(new ProgressCall(value, max, preview));
    }

    @Override public void progressText(String text) { texts.add(text); }
    @Override public Map<String, Object> extraData() { return extraData; }
    @Override public FileSpace files() { return files; }

    @Override
    public void checkInterrupted() {
        if (interrupted) throw new ExecutionInterruptedException();
    }

    @Override public boolean isInterrupted() { return interrupted; }
    @Override public GraphBuilder newGraph() { return new GraphBuilder("1.0.0."); }

    @Override
    public DynamicPrompt dynamicPrompt() {
        throw new UnsupportedOperationException("the core nodes never read the dynamic prompt");
    }
}
