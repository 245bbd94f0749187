package dev.easel.server.ws;

/** One outgoing WebSocket message. Previews are the only frames that may be dropped. */
public sealed interface Frame {

    long size();

    default boolean isPreview() {
        return false;
    }

    record Text(String json) implements Frame {
        @Override
        public long size() {
            // UTF-16 length is close enough for accounting and avoids encoding twice.
            return json.length();
        }
    }

    record Binary(byte[] bytes, boolean preview) implements Frame {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public boolean isPreview() {
            return preview;
        }
    }
}
