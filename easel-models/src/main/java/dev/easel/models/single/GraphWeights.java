package dev.easel.models.single;

import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/** Where a graph builder gets its weights: the graph being built, and each tensor by key and expected shape. */
interface GraphWeights {

    OnnxGraph graph();

    /** The tensor {@code key} as a float32 value of the graph; a missing key or another shape is an error naming both. */
    Value get(String key, long... shape);
}
