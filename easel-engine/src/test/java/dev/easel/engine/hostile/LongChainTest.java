package dev.easel.engine.hostile;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.kit.PromptBuilder;
import dev.easel.engine.kit.TestNodes;
import dev.easel.engine.validate.PromptValidator;
import dev.easel.engine.validate.ValidationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph walks, signatures and cache keys must not recurse: chains far deeper than a thread's stack. */
class LongChainTest {
    private static final int LONG = 20_000;

    /** Int -> Add(x, 1) -> ... -> Show, {@code length} nodes in all. */
    static PromptBuilder chain(int length) {
        PromptBuilder p = new PromptBuilder();
        p.node("0", "Int").set("value", 1);
        for (int i = 1; i < length - 1; i++) {
            p.node(String.valueOf(i), "Add").link("a", String.valueOf(i - 1), 0).set("b", 1);
        }
        p.node("out", "Show").link("value", String.valueOf(length - 2), 0);
        return p;
    }

    @Test
    void aTwentyThousandNodeChainValidates() {
        ValidationResult result = new PromptValidator(TestNodes.registry()).validate(chain(LONG).build(), Optional.empty(), TestNodes.FILES);
        assertThat(result).isEqualTo(new ValidationResult.Valid(List.of("out"), Map.of()));
    }

    @Test
    void aCycleAtTheEndOfALongChainIsStillReported() {
        PromptBuilder p = chain(LONG);
        p.node("0", "Add").link("a", String.valueOf(LONG - 2), 0).set("b", 1);
        ValidationResult result = new PromptValidator(TestNodes.registry()).validate(p.build(), Optional.empty(), TestNodes.FILES);
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(result.nodeErrors().values()).isNotEmpty().allSatisfy(errors ->
                assertThat(errors.errors()).extracting(dev.easel.engine.validate.ErrorInfo::type).containsExactly("dependency_cycle"));
    }

    @Test
    void aTwentyThousandNodeChainRunsAndIsServedFromTheCacheWhenResubmitted() {
        PromptExecutor executor = new PromptExecutor(TestNodes.registry(), CachePolicy.classic());
        Summary first = run(executor);
        assertThat(first.executed).isEqualTo(LONG);
        assertThat(first.output).contains(Map.of("text", List.of(String.valueOf(LONG - 1))));
        Summary second = run(executor);
        assertThat(second.terminal).isEqualTo("ExecutionSuccess");
        assertThat(second.executed).isZero();
        assertThat(second.cached).isEqualTo(LONG);
    }

    private static Summary run(PromptExecutor executor) {
        Summary events = new Summary();
        // a fresh parse each time: equal keys must be found equal, not merely identical
        executor.execute(new ExecutionRequest("p", chain(LONG).build(), List.of("out"), Map.of(), TestNodes.FILES), events, new InterruptSignal());
        return events;
    }

    /** What a run said, without keeping its progress_state snapshots (each lists every node so far). */
    private static final class Summary implements ExecutionListener {
        int executed;
        int cached;
        Optional<Map<String, List<Object>>> output = Optional.empty();
        String terminal = "";

        @Override
        public synchronized void onEvent(ExecutionEvent event) {
            switch (event) {
                case ExecutionEvent.Executing e -> executed++;
                case ExecutionEvent.ExecutionCached c -> cached = c.nodes().size();
                case ExecutionEvent.Executed e -> output = e.nodeId().equals("out") ? e.output() : output;
                default -> { }
            }
            if (event.isTerminal()) terminal = event.getClass().getSimpleName();
        }
    }
}
