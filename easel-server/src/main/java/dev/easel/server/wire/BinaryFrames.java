package dev.easel.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent.PreviewImage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The binary frame layouts of §4: all integers unsigned 32-bit big-endian. */
public final class BinaryFrames {
    public static final int PREVIEW_IMAGE = 1;
    public static final int TEXT = 3;
    public static final int PREVIEW_IMAGE_WITH_METADATA = 4;

    private BinaryFrames() {
    }

    /** {@code [1][format][image bytes]}. */
    public static byte[] preview(PreviewImage event) {
        byte[] image = event.preview().encoded();
        return ByteBuffer.allocate(8 + image.length).putInt(PREVIEW_IMAGE)
                .putInt(event.preview().format().code()).put(image).array();
    }

    /** {@code [4][metadata length][metadata JSON][image bytes]}. */
    public static byte[] previewWithMetadata(PreviewImage event) {
        ObjectNode meta = Json.object();
        meta.put("node_id", event.nodeId()).put("prompt_id", event.promptId())
                .put("display_node_id", event.displayNodeId());
        event.parentNodeId().ifPresentOrElse(p -> meta.put("parent_node_id", p), () -> meta.putNull("parent_node_id"));
        meta.put("real_node_id", event.realNodeId()).put("image_type", event.preview().format().mimeType());
        byte[] metadata = Json.bytes(meta);
        byte[] image = event.preview().encoded();
        return ByteBuffer.allocate(8 + metadata.length + image.length).putInt(PREVIEW_IMAGE_WITH_METADATA)
                .putInt(metadata.length).put(metadata).put(image).array();
    }

    /** {@code [3][node id length][node id][text]}. */
    public static byte[] progressText(String nodeId, String text) {
        byte[] id = nodeId.getBytes(StandardCharsets.UTF_8);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + id.length + body.length).putInt(TEXT).putInt(id.length).put(id).put(body).array();
    }
}
