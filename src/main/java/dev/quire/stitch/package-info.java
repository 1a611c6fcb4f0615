/**
 * Stitching variants together, with no UI and no library: word-level alignment of variants, the
 * sentence and paragraph a click lands in, and how much of a composition came from each source.
 * Depends only on the model.
 */
package dev.quire.stitch;
