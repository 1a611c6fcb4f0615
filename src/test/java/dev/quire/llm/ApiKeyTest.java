package dev.quire.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyTest {

    static final String KEY = "sk-test-QUIRE-SECRET-123";

    @Test
    void toStringNeverShowsTheKey() {
        ApiKey key = ApiKey.of(KEY);
        assertFalse(key.toString().contains("QUIRE-SECRET"), key.toString());
        assertEquals("ApiKey[…-123]", key.toString());
        assertEquals("ApiKey[set]", ApiKey.of("short-key").toString());
        assertEquals("ApiKey[none]", ApiKey.none().toString());
        assertEquals(KEY, key.reveal());
    }

    @Test
    void aPastedKeyLosesItsSurroundingWhitespace() {
        assertEquals(KEY, ApiKey.of("  " + KEY + "\n").reveal());
    }

    @ParameterizedTest
    @CsvSource({
            "ANTHROPIC, https://api.anthropic.com, ANTHROPIC_API_KEY",
            "OPENAI, https://api.openai.com/v1, OPENAI_API_KEY",
            "OPENAI_COMPATIBLE, https://openrouter.ai/api/v1, OPENROUTER_API_KEY",
            "OPENAI_COMPATIBLE, https://api.deepseek.com/v1, DEEPSEEK_API_KEY",
            "OPENAI_COMPATIBLE, http://localhost:8080/v1, QUIRE_API_KEY",
            "OPENAI_COMPATIBLE, https://notopenrouter.ai/v1, QUIRE_API_KEY"})
    void eachProviderReadsItsOwnEnvironmentVariable(ProviderKind kind, String url, String variable) {
        ProviderProfile profile = ProviderProfile.defaults(kind).withBaseUrl(url);
        assertEquals(Optional.of(variable), ApiKey.environmentVariable(profile));
        Map<String, String> env = Map.of(variable, KEY, "UNRELATED", "x");
        assertEquals(Optional.of(ApiKey.of(KEY)), ApiKey.fromEnvironment(profile, env));
        assertEquals(Optional.empty(), ApiKey.fromEnvironment(profile, Map.of("UNRELATED", KEY)));
    }

    @Test
    void ollamaNeedsNoKeyAndBlankVariablesCountAsUnset() {
        ProviderProfile ollama = ProviderProfile.defaults(ProviderKind.OLLAMA);
        assertTrue(ApiKey.environmentVariable(ollama).isEmpty());
        assertTrue(ApiKey.fromEnvironment(ollama, Map.of("QUIRE_API_KEY", KEY)).isEmpty());
        ProviderProfile anthropic = ProviderProfile.defaults(ProviderKind.ANTHROPIC);
        assertTrue(ApiKey.fromEnvironment(anthropic, Map.of("ANTHROPIC_API_KEY", "  ")).isEmpty());
    }
}
