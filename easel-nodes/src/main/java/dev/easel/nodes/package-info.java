/** Placeholder until the module's code lands. */
package dev.easel.nodes;
