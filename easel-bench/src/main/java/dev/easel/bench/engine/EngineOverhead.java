package dev.easel.bench.engine;

import dev.easel.bench.nodes.BenchNodes;
import dev.easel.bench.nodes.ProgressStamps;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.exec.RunOutcome;
import dev.easel.engine.node.NodeRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The engine's own cost per node: {@link PromptExecutor} on a chain of {@value #NODES} trivial
 * nodes with caching off ({@code chain}), and of {@value #SHORT_NODES} ({@code shortChain}, to
 * show how the cost per node grows with the graph). Scores are per node
 * ({@code @OperationsPerInvocation}), so the reported µs/op is µs per node.
 * {@code listener=none} is the engine alone; {@code wire} also serialises every event as the
 * server would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineOverhead {
    public static final int NODES = 1000;
    public static final int SHORT_NODES = 100;

    @Param({"none", "wire"})
    public String listener;

    private PromptExecutor executor;
    private ExecutionRequest request;
    private ExecutionRequest shortRequest;
    private ExecutionListener events;

    @Setup(Level.Trial)
    public void setUp() {
        NodeRegistry registry = NodeRegistry.of(BenchNodes.all(new ProgressStamps()));
        executor = new PromptExecutor(registry, CachePolicy.none());
        request = ChainPrompt.request("bench", NODES);
        shortRequest = ChainPrompt.request("bench-short", SHORT_NODES);
        events = "wire".equals(listener) ? new WireListener() : ExecutionListener.NONE;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public RunOutcome chain() {
        return executor.execute(request, events, new InterruptSignal());
    }

    @Benchmark
    @OperationsPerInvocation(SHORT_NODES)
    public RunOutcome shortChain() {
        return executor.execute(shortRequest, events, new InterruptSignal());
    }
}
