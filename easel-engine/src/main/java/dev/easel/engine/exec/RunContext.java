package dev.easel.engine.exec;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.Preview;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link NodeContext} of one call of one node. */
final class RunContext implements NodeContext {
    private final String promptId;
    private final String nodeId;
    private final int callIndex;
    private final DynamicPrompt graph;
    private final ProgressTracker progress;
    private final Emitter emitter;
    private final InterruptSignal interrupt;
    private final Map<String, Object> extraData;
    private final FileSpace files;
    private final AtomicInteger graphIndex = new AtomicInteger();

    RunContext(String promptId, String nodeId, int callIndex, DynamicPrompt graph, ProgressTracker progress,
               Emitter emitter, InterruptSignal interrupt, Map<String, Object> extraData, FileSpace files) {
        this.promptId = promptId;
        this.nodeId = nodeId;
        this.callIndex = callIndex;
        this.graph = graph;
        this.progress = progress;
        this.emitter = emitter;
        this.interrupt = interrupt;
        this.extraData = extraData;
        this.files = files;
    }

    @Override public String promptId() { return promptId; }
    @Override public String uniqueId() { return nodeId; }
    @Override public String displayId() { return graph.displayId(nodeId); }
    @Override public Optional<String> parentId() { return graph.parentId(nodeId); }
    @Override public String realNodeId() { return graph.realNodeId(nodeId); }
    @Override public DynamicPrompt dynamicPrompt() { return graph; }
    @Override public Map<String, Object> extraData() { return extraData; }
    @Override public FileSpace files() { return files; }

    @Override
    public void progress(Number value, Number max, Optional<Preview> preview) {
        checkInterrupted();
        progress.update(nodeId, value, max, preview);
    }

    @Override
    public void progressText(String text) {
        emitter.emit(new ExecutionEvent.ProgressText(promptId, nodeId, text));
    }

    @Override
    public void checkInterrupted() {
        if (isInterrupted()) throw new ExecutionInterruptedException();
    }

    @Override
    public boolean isInterrupted() {
        return interrupt.isRaised() || Thread.currentThread().isInterrupted();
    }

    @Override
    public GraphBuilder newGraph() {
        return new GraphBuilder(nodeId + "." + callIndex + "." + graphIndex.getAndIncrement() + ".");
    }
}
