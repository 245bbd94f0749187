package dev.easel.models.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How Easel configures a session. Intra-op threads default to every available core: one model
 * runs at a time on a worker, and MLAS scales across cores. They do not spin while they wait for
 * work by default: spinning threads take the cores that the preview encoder and the socket
 * writers need between and during steps (measured in docs/BENCHMARKS.md, generation part).
 * {@code profiling}, off by default, names the prefix of ONNX Runtime's JSON profile of each
 * session ({@link OnnxSession#endProfiling}).
 */
public record SessionSettings(int intraOpThreads, SessionOptions.OptLevel optimization, boolean spinning,
                              Optional<Path> profiling) {

    public SessionSettings {
        if (intraOpThreads < 1) throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Runtime.getRuntime().availableProcessors(), SessionOptions.OptLevel.ALL_OPT, false, Optional.empty());
    }

    public SessionSettings withIntraOpThreads(int threads) {
        return new SessionSettings(threads, optimization, spinning, profiling);
    }

    /** The same settings with ONNX Runtime's graph optimisations at {@code level}. */
    public SessionSettings withOptimization(SessionOptions.OptLevel level) {
        return new SessionSettings(intraOpThreads, level, spinning, profiling);
    }

    public SessionSettings withSpinning(boolean spin) {
        return new SessionSettings(intraOpThreads, optimization, spin, profiling);
    }

    /** Sessions that record every run and kernel into {@code prefix_<time>.json}. */
    public SessionSettings withProfiling(Path prefix) {
        return new SessionSettings(intraOpThreads, optimization, spinning, Optional.of(prefix));
    }

    /** Fresh options; the caller closes them once the session is created. */
    SessionOptions toOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setOptimizationLevel(optimization);
            options.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
            if (profiling.isPresent()) options.enableProfiling(profiling.get().toString());
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
