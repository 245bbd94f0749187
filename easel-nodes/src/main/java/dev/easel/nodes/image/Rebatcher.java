package dev.easel.nodes.image;

import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;

/**
 * Regroups a list of image batches into batches of {@code batchSize} along axis 0. Inputs are
 * joined greedily while their frame shapes agree; with an overlap, each output repeats the last
 * {@code overlap} frames of the previous one, and joined inputs are taken to share that many
 * frames, merged by the {@link OverlapMode}.
 */
final class Rebatcher {
    private Rebatcher() {}

    static List<Tensor> rebatch(List<Tensor> inputs, int batchSize, int overlap, OverlapMode mode) {
        if (inputs.isEmpty()) return List.of();
        if (overlap >= batchSize) throw new IllegalArgumentException("Rebatch overlap must be smaller than the batch size");
        LinkedList<Tensor> queue = new LinkedList<>(inputs);
        List<Tensor> outputs = new ArrayList<>();
        while (!queue.isEmpty()) {
            Tensor first = queue.getFirst();
            int length = first.dim(0);
            int count = 1;
            while (length < batchSize && count < queue.size()) {
                Tensor next = queue.get(count);
                if (!sameFrames(first, next)) break;
                if (overlap > Math.min(length, next.dim(0))) {
                    throw new IllegalArgumentException("Rebatch overlap cannot exceed an input batch");
                }
                length += next.dim(0) - overlap;
                count++;
            }
            List<Tensor> group = new ArrayList<>(queue.subList(0, count));
            queue.subList(0, count).clear();
            Tensor merged = merge(group, overlap, mode);
            outputs.add(merged.slice0(0, Math.min(batchSize, merged.dim(0))));
            if (length > batchSize) queue.addFirst(merged.slice0(batchSize - overlap, merged.dim(0)));
        }
        return outputs;
    }

    private static boolean sameFrames(Tensor a, Tensor b) {
        int[] sa = a.shape(), sb = b.shape();
        return sa.length == sb.length && Arrays.equals(sa, 1, sa.length, sb, 1, sb.length);
    }

    static Tensor merge(List<Tensor> parts, int overlap, OverlapMode mode) {
        if (parts.size() == 1) return parts.get(0);
        int[] shape = parts.get(0).shape();
        int frame = parts.get(0).size() / Math.max(1, shape[0]);
        int total = parts.stream().mapToInt(t -> t.dim(0)).sum() - overlap * (parts.size() - 1);
        float[] out = new float[total * frame];
        float[] firstData = parts.get(0).data();
        System.arraycopy(firstData, 0, out, 0, firstData.length);
        int end = shape[0];
        float[] weights = mode == OverlapMode.FADE_SMOOTH || mode == OverlapMode.FADE_LINEAR ? mode.weights(overlap) : null;
        for (Tensor part : parts.subList(1, parts.size())) {
            float[] src = part.data();
            if (overlap > 0) blendOverlap(out, (end - overlap) * frame, src, overlap, frame, mode, weights);
            int rest = part.dim(0) - overlap;
            System.arraycopy(src, overlap * frame, out, end * frame, rest * frame);
            end += rest;
        }
        shape[0] = total;
        return Tensor.of(out, shape);
    }

    private static void blendOverlap(float[] out, int at, float[] src, int overlap, int frame, OverlapMode mode, float[] weights) {
        if (mode == OverlapMode.TRUNCATE_END) {
            System.arraycopy(src, 0, out, at, overlap * frame);
        } else if (weights != null) {
            for (int k = 0; k < overlap; k++) {
                float w = weights[k], keep = 1f - w;
                for (int i = 0; i < frame; i++) {
                    int o = at + k * frame + i;
                    out[o] = out[o] * keep + src[k * frame + i] * w;
                }
            }
        }
    }
}
