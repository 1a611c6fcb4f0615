package dev.quire.bench;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.GenerationHandler;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import dev.quire.llm.VariantResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Sends a request's variants through the real Anthropic provider to a {@link CachingAnthropicServer}. */
public final class CacheRun {

    private final CachingAnthropicServer server;
    private final ChatProvider provider;

    public CacheRun(CachingAnthropicServer server, Duration staggerWait) {
        this.server = server;
        ProviderProfile profile = ProviderProfile.defaults(ProviderKind.ANTHROPIC).withBaseUrl(server.baseUrl());
        this.provider = Providers.create(profile, ApiKey.of("sk-ant-bench"),
                Providers.Settings.defaults().withStaggerWait(staggerWait));
    }

    /** Billed input of one send of all variants, in units of one uncached prompt. */
    public double send(ChatRequest request) {
        server.clearBilled();
        List<VariantResult> results = provider.stream(request, new GenerationHandler() {
            @Override
            public void onText(int variant, String delta) {
            }
        }, Runnable::run).done().orTimeout(60, TimeUnit.SECONDS).join();
        for (VariantResult r : results) {
            if (!r.isComplete()) {
                throw new AssertionError("variant " + r.index() + " " + r.status() + ": " + r.error());
            }
        }
        double units = 0;
        int prompt = 0;
        for (CachingAnthropicServer.Billed b : List.copyOf(server.billed)) {
            units += b.units();
            prompt = b.prompt();
        }
        return units / prompt;
    }

    /** The last send's requests, as billed. */
    public List<CachingAnthropicServer.Billed> billed() {
        return List.copyOf(server.billed);
    }
}
