/** Anthropic Messages wire format: request body with top-level system blocks and cache markers, SSE events. */
package dev.quire.llm.internal.anthropic;
