package dev.easel.models.onnx.graph;

/**
 * A tensor flowing through a graph under construction: a graph input, an initializer or the output
 * of an op. Only its name reaches the model; ONNX Runtime infers the shapes.
 */
public record Value(String name) {
}
