package dev.quire.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderProfileTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:11434, true",
            "http://127.0.0.1:8080/v1, true",
            "http://127.3.4.5/v1, true",
            "http://[::1]:8080/v1, true",
            "http://10.0.0.7:8080/v1, true",
            "http://172.16.1.2/v1, true",
            "http://172.31.255.255/v1, true",
            "http://192.168.1.20:1234/v1, true",
            "http://studio-pc.local:11434, true",
            "https://api.anthropic.com, true",
            "https://openrouter.ai/api/v1, true",
            "http://api.openai.com/v1, false",
            "http://172.32.0.1/v1, false",
            "http://8.8.8.8/v1, false",
            "http://evil.com/v1, false",
            "http://localhost.evil.com/v1, false",
            "http://10.0.0.1.nip.io/v1, false",
            "ftp://localhost/v1, false",
            "localhost:11434, false"})
    void plainHttpIsOnlyAcceptedForThisComputerAndTheLocalNetwork(String url, boolean ok) {
        ProviderProfile profile = ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE).withBaseUrl(url);
        assertEquals(ok, profile.problems().isEmpty(), () -> url + " → " + profile.problems());
    }

    @Test
    void rejectingPlainHttpSaysWhyAndWhatToUseInstead() {
        ProviderProfile profile = ProviderProfile.defaults(ProviderKind.OPENAI).withBaseUrl("http://api.openai.com/v1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, profile::validate);
        assertTrue(e.getMessage().contains("Plain http"), e.getMessage());
        assertTrue(e.getMessage().contains("https://api.openai.com/v1"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void everyKindHasAUsableDefaultProfile(ProviderKind kind) {
        ProviderProfile profile = ProviderProfile.defaults(kind);
        assertEquals(kind, profile.kind());
        assertTrue(profile.problems().isEmpty(), profile.problems()::toString);
        assertFalse(profile.defaultModel().isEmpty());
    }

    @Test
    void baseUrlsFollowEachProvidersOwnConvention() {
        assertEquals("https://api.anthropic.com", ProviderProfile.defaults(ProviderKind.ANTHROPIC).baseUrl());
        assertEquals("http://localhost:11434", ProviderProfile.defaults(ProviderKind.OLLAMA).baseUrl());
        assertEquals("https://api.openai.com/v1", ProviderProfile.defaults(ProviderKind.OPENAI).baseUrl());
        assertTrue(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE).baseUrl().endsWith("/v1"));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsDropped() {
        assertEquals("https://openrouter.ai/api/v1",
                ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE).withBaseUrl("https://openrouter.ai/api/v1/").baseUrl());
    }

    @Test
    void aKeyInAnExtraHeaderIsRefused() {
        ProviderProfile profile = ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE)
                .withExtraHeaders(Map.of("Authorization", "Bearer x"));
        assertFalse(profile.problems().isEmpty());
    }

    @Test
    void presetsIncludeOpenRouterWithItsAttributionHeaders() {
        ProviderProfile openRouter = ProviderProfile.presets().stream()
                .filter(p -> p.name().equals("OpenRouter")).findFirst().orElseThrow();
        assertEquals("https://openrouter.ai/api/v1", openRouter.baseUrl());
        assertTrue(openRouter.extraHeaders().containsKey("HTTP-Referer"));
        assertTrue(openRouter.extraHeaders().containsKey("X-Title"));
    }
}
