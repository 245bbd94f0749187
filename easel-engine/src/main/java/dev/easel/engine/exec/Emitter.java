package dev.easel.engine.exec;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way events leave a run. Guards the listener contract: a listener that throws is
 * logged and the run goes on. Callers that need several events to stay adjacent synchronise
 * on this object.
 */
final class Emitter {
    private static final Logger LOG = LoggerFactory.getLogger(Emitter.class);

    private final ExecutionListener listener;
    private boolean closed;

    Emitter(ExecutionListener listener) {
        this.listener = listener;
    }

    synchronized void emit(ExecutionEvent event) {
        if (closed) return;   // a straggling async call of a finished run has nothing left to say
        try {
            listener.onEvent(event);
        } catch (RuntimeException broken) {
            LOG.error("execution listener failed on {}", event.getClass().getSimpleName(), broken);
        }
    }

    /** The run ended: later events are dropped. */
    synchronized void close() {
        closed = true;
    }
}
