package dev.easel.server.sse;

import dev.easel.server.wire.Json;
import dev.easel.server.ws.Frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One server-sent event: a WebSocket frame with the id it was given. Text frames go out as they
 * are (the default {@code message} event); binary frames as {@code event: binary} with
 * {@code {"type": <u32 event type>, "data": "<base64 of the bytes after it>"}}. Each carries its
 * weight in the replay buffer: previews are given up first, then ordinary messages, and the
 * {@link #isKept kept} ones last.
 */
record SseEvent(long id, Frame frame, Weight weight) {

    enum Weight { PREVIEW, ORDINARY, KEPT }

    /** Messages a client reacts to once and must not miss: queue changes, outputs and the end of each run. */
    private static final String[] KEPT = {"status", "executed", "execution_success", "execution_error", "execution_interrupted"};

    static SseEvent of(long id, Frame frame) {
        return new SseEvent(id, frame, weigh(frame));
    }

    long size() {
        return frame.size();
    }

    /** The event as written on the stream, blank line included. */
    String text() {
        return switch (frame) {
            case Frame.Text text -> "id: " + id + "\ndata: " + text.json() + "\n\n";
            case Frame.Binary binary -> "id: " + id + "\nevent: binary\ndata: " + binaryJson(binary.bytes()) + "\n\n";
        };
    }

    private static String binaryJson(byte[] bytes) {
        int type = ByteBuffer.wrap(bytes).getInt(0);
        String data = Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, 4, bytes.length));
        return Json.write(Json.object().put("type", Integer.toUnsignedLong(type)).put("data", data));
    }

    private static Weight weigh(Frame frame) {
        if (frame.isPreview()) return Weight.PREVIEW;
        if (frame instanceof Frame.Text text) {
            for (String type : KEPT) {
                if (text.json().startsWith("{\"type\":\"" + type + "\"")) return Weight.KEPT;
            }
        }
        return Weight.ORDINARY;
    }
}
