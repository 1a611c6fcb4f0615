/** Ollama's native chat API: NDJSON stream, options (num_ctx, num_predict, temperature, seed, top_p, stop). */
package dev.quire.llm.internal.ollama;
