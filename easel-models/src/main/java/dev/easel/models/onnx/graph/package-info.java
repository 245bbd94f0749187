/**
 * Builds ONNX models in Java (opset 21, IR 10) through {@link dev.easel.models.onnx.graph.OnnxGraph}:
 * typed inputs with symbolic dimensions, inline or external-placeholder weights, ops as methods
 * returning {@link dev.easel.models.onnx.graph.Value}s, serialised to {@code byte[]} for
 * {@link dev.easel.models.onnx.OnnxSession}.
 */
package dev.easel.models.onnx.graph;
