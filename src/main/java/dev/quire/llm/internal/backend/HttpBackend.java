package dev.quire.llm.internal.backend;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ProviderBackend;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import dev.quire.llm.internal.Http;
import dev.quire.llm.internal.StreamingProvider;
import dev.quire.llm.internal.WireFormat;
import dev.quire.llm.internal.anthropic.AnthropicFormat;
import dev.quire.llm.internal.ollama.OllamaFormat;
import dev.quire.llm.internal.openai.OpenAiFormat;

import java.time.Duration;

/**
 * Providers over HTTP: the streaming engine with the wire format of the profile's kind. Registered in
 * {@code META-INF/services/dev.quire.llm.ProviderBackend}.
 */
public final class HttpBackend implements ProviderBackend {

    @Override
    public ChatProvider create(ProviderProfile profile, ApiKey key, Providers.Settings settings) {
        WireFormat format = switch (profile.kind()) {
            case ANTHROPIC -> new AnthropicFormat(profile);
            case OPENAI -> OpenAiFormat.openAi(profile);
            case OPENAI_COMPATIBLE -> OpenAiFormat.compatible(profile);
            case OLLAMA -> new OllamaFormat(profile);
        };
        return new StreamingProvider(profile, key, settings, format,
                new Http(settings.connectTimeout(), settings.firstByteTimeout(), settings.stallTimeout(),
                        settings.requestTimeout()));
    }

    @Override
    public boolean answers(String url, Duration timeout, String expected) {
        return Http.probe(url, timeout, expected);
    }
}
