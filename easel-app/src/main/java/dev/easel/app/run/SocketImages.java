package dev.easel.app.run;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.Preview;
import dev.easel.nodes.io.SavePath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code easel run} has no socket: the PNG frames that {@code SaveImageWebsocket} nodes send
 * are kept while the run goes on and written to the output folder afterwards
 * ({@code SaveImageWebsocket_00001_.png}, ...), so the command shows them like saved images.
 */
final class SocketImages implements ExecutionListener {
    static final String NODE_TYPE = "SaveImageWebsocket";

    private final Prompt prompt;
    private final Map<String, List<byte[]>> framesByNode = new LinkedHashMap<>();

    SocketImages(Prompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public synchronized void onEvent(ExecutionEvent event) {
        if (event instanceof ExecutionEvent.PreviewImage image && image.preview().format() == Preview.Format.PNG
                && isSocketSaver(image.realNodeId())) {
            framesByNode.computeIfAbsent(image.realNodeId(), id -> new ArrayList<>()).add(image.preview().encoded());
        }
    }

    /** Writes every kept frame; node id → the files written for it. */
    synchronized Map<String, List<Path>> write(Path outputDir) throws IOException {
        Map<String, List<Path>> written = new LinkedHashMap<>();
        for (Map.Entry<String, List<byte[]>> node : framesByNode.entrySet()) {
            List<byte[]> frames = node.getValue();
            SavePath path = SavePath.resolve(NODE_TYPE, outputDir, 0, 0, frames.size(), LocalDateTime.now());
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                Path file = path.folder().resolve(path.fileName(i, "png"));
                Files.write(file, frames.get(i));
                files.add(file);
            }
            written.put(node.getKey(), files);
        }
        return written;
    }

    private boolean isSocketSaver(String nodeId) {
        return prompt.node(nodeId).map(PromptNode::classType).filter(NODE_TYPE::equals).isPresent();
    }
}
