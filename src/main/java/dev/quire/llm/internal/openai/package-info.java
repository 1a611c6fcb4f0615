/** OpenAI Chat Completions wire format, for OpenAI (native n) and compatible servers (fan-out, max_tokens). */
package dev.quire.llm.internal.openai;
