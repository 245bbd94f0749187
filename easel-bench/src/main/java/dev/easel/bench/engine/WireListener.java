package dev.easel.bench.engine;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.server.wire.EventMessages;
import dev.easel.server.wire.Json;
import dev.easel.server.wire.ProgressStateText;

/**
 * Turns every text event into the JSON text the server would send (the server's own mapping),
 * then drops it: the engine's cost plus serialisation, without sockets.
 */
public final class WireListener implements ExecutionListener {
    private long bytes;
    private final ProgressStateText progressState = new ProgressStateText();

    @Override
    public void onEvent(ExecutionEvent event) {
        if (EventMessages.type(event).isEmpty()) return;
        bytes += event instanceof ExecutionEvent.ProgressState state
                ? progressState.message(state).length()     // as the server's EventRouter writes it
                : Json.write(EventMessages.message(event)).length();
    }

    /** Characters serialised so far (consumed so the work cannot be optimised away). */
    public long bytes() {
        return bytes;
    }
}
