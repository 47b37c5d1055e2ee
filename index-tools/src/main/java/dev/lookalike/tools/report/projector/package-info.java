/**
 * The export for TensorBoard's Embedding Projector: vectors and metadata tables, the sprite sheet of the
 * items' images and the projector's config.
 */
package dev.lookalike.tools.report.projector;
