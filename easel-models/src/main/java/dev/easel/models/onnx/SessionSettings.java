package dev.easel.models.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

/**
 * How Easel configures a session. Intra-op threads default to every available core: one model
 * runs at a time on a worker, and MLAS scales across cores.
 */
public record SessionSettings(int intraOpThreads, SessionOptions.OptLevel optimization) {

    public SessionSettings {
        if (intraOpThreads < 1) throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Runtime.getRuntime().availableProcessors(), SessionOptions.OptLevel.ALL_OPT);
    }

    public SessionSettings withIntraOpThreads(int threads) {
        return new SessionSettings(threads, optimization);
    }

    /** Fresh options; the caller closes them once the session is created. */
    SessionOptions toOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setOptimizationLevel(optimization);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
