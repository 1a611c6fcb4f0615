/**
 * How the provider layer works inside: the single OkHttp class ({@link dev.quire.llm.internal.Http}), incremental
 * SSE and NDJSON readers, error classification and wording ({@link dev.quire.llm.internal.Errors}), key scrubbing
 * ({@link dev.quire.llm.internal.Redactor}), and the streaming engine with fan-out, retry and ordered callbacks
 * ({@link dev.quire.llm.internal.StreamingProvider}). Depends on the API in
 * {@code dev.quire.llm}, never on the format packages built on it; {@code internal.backend} ties them together.
 * Not for use outside {@code dev.quire.llm}.
 */
package dev.quire.llm.internal;
