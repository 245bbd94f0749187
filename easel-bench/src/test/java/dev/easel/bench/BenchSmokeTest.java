package dev.easel.bench;

import dev.easel.bench.engine.EngineOverhead;
import dev.easel.bench.frames.ImageFrames;
import dev.easel.bench.generation.DemoRun;
import dev.easel.bench.generation.PreviewLatency;
import dev.easel.bench.load.LoadClient;
import dev.easel.bench.load.LoadResult;
import dev.easel.bench.ort.OrtThroughput;
import dev.easel.bench.page.PageMemory;
import dev.easel.bench.page.PagePreviewLatency;
import dev.easel.bench.progress.ProgressLatency;
import dev.easel.bench.sockets.IdleSockets;
import dev.easel.bench.store.DurableJobs;
import dev.easel.engine.exec.RunOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each benchmark entry point, run once with the smallest parameters: it completes and counts what it should. */
class BenchSmokeTest {

    @Test
    void loadClientSeesEveryPromptFinishOverTheSocket() throws Exception {
        LoadResult result = LoadClient.run(Options.of(Map.of("prompts", "12", "warmup", "2", "rounds", "2", "in-flight", "4", "timeout-s", "30")));

        assertThat(result.rounds()).hasSize(2);
        assertThat(result.rounds()).allSatisfy(round -> {
            assertThat(round.completed()).isEqualTo(12);
            assertThat(round.failed()).isZero();
        });
        assertThat(result.latency().count()).isEqualTo(24);
        assertThat(result.latency().minNanos()).isPositive();
    }

    @Test
    void loadClientRunsTheChainWorkflow() throws Exception {
        LoadResult result = LoadClient.run(Options.of(Map.of("workflow", "chain:5", "prompts", "6", "warmup", "0", "rounds", "1", "timeout-s", "30")));

        assertThat(result.totalCompleted()).isEqualTo(6);
        assertThat(result.workflow()).isEqualTo("chain:5");
    }

    @Test
    void durableJobsFillsMeasuresAndRestarts() throws Exception {
        String report = DurableJobs.run(Options.of(Map.of("history", "20", "requests", "4", "prompts", "3", "pending", "5", "timeout-s", "60")));

        assertThat(report).contains("filled 20 history entries").contains("GET /api/jobs?limit=50 ")
                .contains("durable store: 3 accepted").contains("in-memory store, for comparison: 3 accepted")
                .contains("restart over 5 pending jobs (and 20 in history)");
        assertThat(report.lines().filter(l -> l.contains("(n=4)"))).hasSize(6);
    }

    @Test
    void engineBenchmarkRunsEveryLinkOfTheChain() {
        EngineOverhead bench = engine("none");

        RunOutcome outcome = bench.chain();

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.SUCCESS);
        assertThat(outcome.outputs()).containsOnlyKeys(String.valueOf(EngineOverhead.NODES));
        assertThat(outcome.outputs().get(String.valueOf(EngineOverhead.NODES)))
                .isEqualTo(Map.of("count", List.of((long) EngineOverhead.NODES - 2)));
    }

    @Test
    void engineBenchmarkRunsTheShortChainWithTheWireListener() {
        RunOutcome outcome = engine("wire").shortChain();

        assertThat(outcome.outputs().get(String.valueOf(EngineOverhead.SHORT_NODES)))
                .isEqualTo(Map.of("count", List.of((long) EngineOverhead.SHORT_NODES - 2)));
    }

    private static EngineOverhead engine(String listener) {
        EngineOverhead bench = new EngineOverhead();
        bench.listener = listener;
        bench.setUp();
        return bench;
    }

    @Test
    void progressLatencyMatchesEveryTickToItsMessage() throws Exception {
        ProgressLatency.Result result = ProgressLatency.run(Options.of(Map.of("steps", "25", "interval-us", "0", "warmup-steps", "5", "timeout-s", "30")));

        assertThat(result.missing()).isZero();
        assertThat(result.latency().count()).isEqualTo(25);
        assertThat(result.latency().minNanos()).isPositive();
    }

    @Test
    void imageFramesReceivesOnePngFramePerImage() throws Exception {
        ImageFrames.Result result = ImageFrames.run(Options.of(Map.of("width", "16", "height", "8", "batch", "3", "runs", "2", "timeout-s", "30")));

        assertThat(result.runs()).hasSize(2).allSatisfy(run -> {
            assertThat(run.frames()).isEqualTo(3);
            assertThat(run.malformed()).isZero();
            assertThat(run.bytes()).isGreaterThan(3 * (8 + 8));
        });
    }

    @Test
    void idleSocketsAreAllRegisteredByTheServer() throws Exception {
        IdleSockets.Result result = IdleSockets.run(Options.of(Map.of("sockets", "5", "client-xmx", "64m", "timeout-s", "30")));

        assertThat(result.registered()).isEqualTo(5);
        assertThat(result.before().heapUsedBytes()).isPositive();
        assertThat(result.after().rssBytes()).isPositive();
    }

    @Test
    void previewLatencyTimesEveryStepsFrameAgainstItsModelCall() throws Exception {
        PreviewLatency.Result result = PreviewLatency.run(Options.of(Map.of("prompts", "2", "warmup", "0", "steps", "3",
                "width", "64", "height", "64", "timeout-s", "60")));

        assertThat(result.malformed()).isZero();
        assertThat(result.frames()).isBetween(2, 6);
        assertThat(result.latency().count()).isEqualTo(result.frames());
        assertThat(result.latency().minNanos()).isPositive();
        assertThat(result.stepsWithoutFrame()).isEqualTo(6 - result.frames());
        assertThat(result.stepGaps().count()).isEqualTo(2 * 2);
    }

    @Test
    void previewLatencyWithoutPreviewsCountsNoFrames() throws Exception {
        PreviewLatency.Result result = PreviewLatency.run(Options.of(Map.of("prompts", "1", "warmup", "0", "steps", "2",
                "width", "64", "height", "64", "preview-method", "none", "timeout-s", "60")));

        assertThat(result.frames()).isZero();
        assertThat(result.malformed()).isZero();
        assertThat(result.stepsWithoutFrame()).isEqualTo(2);
    }

    @Test
    void demoRunTimesEveryNodeAndServesTheSecondRunFromTheCache() throws Exception {
        DemoRun.Result result = DemoRun.run(Options.of(Map.of("runs", "2", "steps", "2", "width", "64", "height", "64",
                "timeout-s", "60")));

        assertThat(result.runs()).hasSize(2);
        DemoRun.Run first = result.runs().get(0), second = result.runs().get(1);
        assertThat(first.nodeNanos().keySet()).containsExactlyInAnyOrder("3", "4", "5", "6", "7", "8", "9");
        assertThat(first.cached()).isEmpty();
        assertThat(second.nodeNanos().keySet()).containsExactlyInAnyOrder("3", "8", "9");
        assertThat(second.cached()).containsExactlyInAnyOrder("4", "5", "6", "7");
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.images()).isEqualTo(1);
            assertThat(run.progress()).isEqualTo(2);
            assertThat(run.previews()).isBetween(1, 2);
            assertThat(run.wallNanos()).isGreaterThanOrEqualTo(run.nodeNanos().values().stream().mapToLong(Long::longValue).sum());
        });
        assertThat(second.seed()).isEqualTo(first.seed() + 1);
        assertThat(result.classTypes()).containsEntry("3", "KSampler").containsEntry("4", "CheckpointLoaderSimple");
    }

    @Test
    void pageLatencyTimesEveryPaintedPreviewAgainstItsStep() throws Exception {
        PagePreviewLatency.Result result = PagePreviewLatency.run(Options.of(Map.of("prompts", "2", "warmup", "0", "steps", "3",
                "width", "64", "height", "64", "timeout-s", "60")));

        // the last step's preview is never replaced, so each prompt paints at least one
        assertThat(result.painted()).isBetween(2, 6);
        assertThat(result.stepsNotPainted()).isEqualTo(6 - result.painted());
        assertThat(result.stepGaps().count()).isEqualTo(2 * 2);
        // a paint follows its step's end: only the clock mapping's error may put it before
        assertThat(result.received().minNanos() + result.clockErrorNanos()).isPositive();
        assertThat(result.received().count()).isEqualTo(result.painted());
        // and its frame is received before it is painted
        assertThat(result.latency().minNanos()).isGreaterThan(result.received().minNanos());
        assertThat(result.clockErrorNanos()).isPositive();
    }

    @Test
    void pageMemoryIsSampledBeforeTheFirstPreviewAndAtEachMultipleOfEvery() throws Exception {
        PageMemory.Result result = PageMemory.run(Options.of(Map.of("previews", "4", "every", "2", "steps", "2",
                "width", "64", "height", "64", "timeout-s", "60")));

        List<PageMemory.Sample> samples = result.samples();
        assertThat(samples.getFirst().previews()).isZero();
        assertThat(samples.getFirst().prompts()).isZero();
        assertThat(samples.getLast().previews()).isBetween(4, 5);
        assertThat(samples).extracting(PageMemory.Sample::previews).isSorted().doesNotHaveDuplicates();
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.jsHeapUsed()).isPositive();
            assertThat(sample.nodes()).isPositive();
            assertThat(sample.privateByProcessType()).containsKeys("browser", "renderer");
            assertThat(sample.privateByProcessType().values()).allSatisfy(bytes -> assertThat(bytes).isPositive());
        });
        // every prompt of the page's own run shows its result image, and the live preview is one more
        assertThat(samples.getLast().images()).isGreaterThanOrEqualTo(samples.getLast().prompts() + 1);
        assertThat(result.afterPressure().previews()).isEqualTo(samples.getLast().previews());
    }

    @Test
    void ortRunsEachModelAtEachThreadCount() throws Exception {
        OrtThroughput.Result result = OrtThroughput.run(Options.of(Map.of("evals", "3", "warmup", "1", "rounds", "2",
                "size", "8")));

        assertThat(result.series()).extracting(OrtThroughput.Series::model, OrtThroughput.Series::threads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("toy", 1), org.assertj.core.groups.Tuple.tuple("toy", 2),
                        org.assertj.core.groups.Tuple.tuple("demo", 1), org.assertj.core.groups.Tuple.tuple("demo", 2));
        assertThat(result.series()).allSatisfy(series -> {
            assertThat(series.outputShape()).containsExactly(OrtThroughput.BATCH, 4, 8, 8);
            assertThat(series.roundNanos()).hasSize(2).allSatisfy(nanos -> assertThat(nanos).isPositive());
        });
    }
}
