/** Float32 tensors and image encoding. */
package dev.easel.tensor;
