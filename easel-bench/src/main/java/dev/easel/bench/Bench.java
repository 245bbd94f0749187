package dev.easel.bench;

import dev.easel.bench.checkpoint.CheckpointBench;
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
import dev.easel.bench.steps.SamplerSteps;
import dev.easel.bench.store.DurableJobs;

import java.util.Arrays;

/**
 * {@code java -jar easel-bench.jar <benchmark> [--key value ...]}; see docs/BENCHMARKS.md.
 * {@code engine} and {@code steps} hand their remaining arguments to JMH unchanged.
 */
public final class Bench {
    private static final String USAGE = """
            usage: java -jar easel-bench.jar <benchmark> [options]
              load      [--prompts 2000] [--in-flight 16] [--warmup 2000] [--rounds 3] [--url http://host:port]
              engine    [JMH options, e.g. -f 1 -wi 3 -i 5]
              progress  [--steps 5000] [--interval-us 1000] [--warmup-steps 3000]
              frames    [--batch 8] [--width 1024] [--height 1024] [--pattern gradient|grain|noise] [--runs 5]
              sockets   [--sockets 1000]
              steps     [benchmark regex, e.g. StepParts] [JMH options, e.g. -p sampler=euler -f 1 -wi 3 -i 5]
              preview   [--prompts 10] [--warmup 2] [--steps 20] [--width 512] [--height 512] [--preview-method latent2rgb|auto|none] [--preview-size 512]
              page      [--prompts 10] [--warmup 2] [--steps 20] [--width 512] [--height 512] [--preview-size 512]
              page-memory [--previews 500] [--every 100] [--steps 20] [--width 512] [--height 512] [--preview-size 512]
              demo      [--runs 5] [--steps 20] [--width 512] [--height 512] [--preview-method latent2rgb|auto|none]
              ort       [--models toy,demo] [--threads 1,2] [--size 64] [--evals 200] [--warmup 50] [--rounds 5]
              checkpoint --file F.safetensors [--size 512] [--threads 1,2] [--warmup 1] [--reps 5] [--tokenizer DIR] [--optimization all|extended|basic|none]
              jobs      [--history 10000] [--requests 2000] [--prompts 2000] [--pending 1000]
            every benchmark but engine and steps also takes [--timeout-s 120] (jobs: 600; checkpoint: 1800 per thread count)""";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        boolean toJmh = args[0].equals("engine") || args[0].equals("steps");
        Options options = toJmh ? Options.of(java.util.Map.of()) : Options.parse(args, 1);
        switch (args[0]) {
            case "load" -> {
                LoadResult result = LoadClient.run(options);
                System.out.print(result.report());
                if (result.totalCompleted() < result.promptsPerRound() * result.rounds().size()) {
                    System.err.println("not every prompt completed (timeout or rejected POSTs)");
                    System.exit(1);
                }
            }
            case "engine" -> jmh(EngineOverhead.class.getName(), args);
            case "steps" -> {
                // a first argument that is no option narrows the run to the benchmarks it matches
                boolean narrowed = args.length > 1 && !args[1].startsWith("-");
                String include = narrowed ? args[1] : SamplerSteps.class.getPackageName().replace(".", "\\.") + "\\.";
                jmh(include, narrowed ? Arrays.copyOfRange(args, 1, args.length) : args);
            }
            case "progress" -> System.out.print(ProgressLatency.run(options).report());
            case "frames" -> System.out.print(ImageFrames.run(options).report());
            case "sockets" -> System.out.print(IdleSockets.run(options).report());
            case "preview" -> System.out.print(PreviewLatency.run(options).report());
            case "page" -> System.out.print(PagePreviewLatency.run(options).report());
            case "page-memory" -> System.out.print(PageMemory.run(options).report());
            case "demo" -> System.out.print(DemoRun.run(options).report());
            case "ort" -> System.out.print(OrtThroughput.run(options).report());
            case "checkpoint" -> System.out.print(CheckpointBench.run(options));
            case "jobs" -> System.out.print(DurableJobs.run(options));
            default -> {
                System.err.println("unknown benchmark " + args[0] + " in " + Arrays.toString(args) + "\n" + USAGE);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** JMH on the benchmarks matching {@code include}, with the command line's other arguments. */
    private static void jmh(String include, String[] args) throws Exception {
        String[] jmh = new String[args.length];
        jmh[0] = include;
        System.arraycopy(args, 1, jmh, 1, args.length - 1);
        org.openjdk.jmh.Main.main(jmh);
    }
}
