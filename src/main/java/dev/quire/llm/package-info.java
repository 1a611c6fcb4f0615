/**
 * The provider layer: Anthropic Messages, OpenAI Chat Completions, OpenAI-compatible servers and Ollama, over
 * HTTP with no vendor SDK.
 *
 * <p>Shape: an immutable {@link dev.quire.llm.ChatRequest}; {@link dev.quire.llm.ChatProvider#stream} returns a
 * {@link dev.quire.llm.GenerationHandle} (cancel all or one variant, {@code done()} future) and reports to a
 * {@link dev.quire.llm.GenerationHandler} on the {@code Executor} the caller passes, so this layer never touches
 * the FX thread. Failures are {@link dev.quire.llm.ProviderError}s whose message names the provider and the fix
 * and never holds the key; a variant cut off mid-stream keeps its text and is
 * {@link dev.quire.llm.VariantResult.Status#INCOMPLETE}.
 *
 * <p>Retries (exponential backoff from {@code baseBackoff}, doubling, capped at {@code maxBackoff}, with jitter
 * in the upper half; or exactly the {@code retry-after} asked, unless longer than {@code maxRetryAfter}, in which
 * case the error is reported at once; at most {@code maxAttempts} attempts in all). Retried: 429 except
 * {@code insufficient_quota}, 503 and 529 (overloaded), 500/502/504 and other 5xx (including a proxy's HTML error
 * page on a 5xx), 408, no answer within the timeouts, a stalled stream, a dropped connection, a stream ended before
 * its end marker, and provider errors reported inside a stream. Never retried: connection refused or unknown host
 * (Ollama not running: the writer must start it, waiting will not help), 401, 402, 403, 404, 400/413/422,
 * {@code insufficient_quota}, malformed data, anything that is not the API (HTML on 200, redirects, missing paths),
 * and cancellation. And nothing is retried once any text of that request has been shown: a retry would repeat
 * or contradict it, so the variant ends INCOMPLETE with its text kept. With OpenAI's native {@code n} one request
 * serves all variants, so text in any of them stops retries for all.
 *
 * <p>Fan-out: without native {@code n}, N variants are N requests, at most
 * {@link dev.quire.llm.Providers.Settings#concurrency()} in flight per provider instance (create one provider per
 * profile and keep it); a fanned-out variant {@code i} gets {@code seed + i}.
 *
 * <p>Wire details live in {@code internal}: one class ({@code internal.Http}) touches OkHttp; SSE and NDJSON are
 * read incrementally by {@code internal.SseReader} and {@code internal.NdjsonReader}; each format has its
 * package of DTOs and decoding. This package depends on none of them: {@link dev.quire.llm.Providers} and
 * {@link dev.quire.llm.Ollama} reach the wire code through {@link dev.quire.llm.ProviderBackend}, whose one
 * implementation ({@code internal.backend.HttpBackend}) is found with {@link java.util.ServiceLoader}.
 */
package dev.quire.llm;
