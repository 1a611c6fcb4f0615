/**
 * Where the API meets the wire code: {@link dev.quire.llm.internal.backend.HttpBackend} picks the wire format of
 * a profile's kind and builds the streaming engine. It depends on every other package of the layer and none
 * depends on it; {@link dev.quire.llm.Providers} finds it through {@link java.util.ServiceLoader}.
 */
package dev.quire.llm.internal.backend;
