package dev.easel.engine.node;

/** An encoded preview image attached to a progress update. */
public record Preview(Format format, byte[] encoded) {

    /** Wire codes of binary frame type 1 and MIME types of type 4. */
    public enum Format {
        JPEG(1, "image/jpeg"), PNG(2, "image/png");

        private final int code;
        private final String mimeType;

        Format(int code, String mimeType) {
            this.code = code;
            this.mimeType = mimeType;
        }

        public int code() {
            return code;
        }

        public String mimeType() {
            return mimeType;
        }
    }
}
