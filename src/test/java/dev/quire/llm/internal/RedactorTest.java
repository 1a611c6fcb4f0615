package dev.quire.llm.internal;

import dev.quire.llm.ApiKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    static final String KEY = "sk-test-QUIRE-SECRET-123";

    @ParameterizedTest
    @ValueSource(strings = {
            "Incorrect API key provided: sk-test-QUIRE-SECRET-123. You can find your API key at …",
            "Incorrect API key provided: sk-test-*********-123.",
            "invalid x-api-key: sk-test-QUIRE-SECRET-123",
            "Authorization: Bearer sk-test-QUIRE-SECRET-123 was rejected",
            "key 'QUIRE-SECRET-123' is revoked",
            "{\"key\":\"sk-test-QUIRE-SECRET-123\"}"})
    void serverTextNeverKeepsTheKeyOrAnEchoOfIt(String serverText) {
        String redacted = new Redactor(ApiKey.of(KEY)).redact(serverText);
        assertFalse(redacted.contains(KEY), redacted);
        assertFalse(redacted.contains("QUIRE-SECRET"), redacted);
        assertFalse(redacted.contains("sk-test-*"), redacted);
        assertTrue(redacted.contains(Redactor.HIDDEN), redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "model: claude-sonnet-4-5-20250929",
            "prompt is too long: 210000 tokens > 200000 maximum",
            "The model `gpt-9` does not exist or you do not have access to it."})
    void ordinaryServerTextIsLeftAlone(String serverText) {
        String redacted = new Redactor(ApiKey.of(KEY)).redact(serverText);
        assertTrue(redacted.equals(serverText), redacted);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Authorization: Bearer sk-test-QUIRE-SECRET-123 was rejected|Authorization: Bearer [key hidden] was rejected",
            "invalid x-api-key: sk-test-QUIRE-SECRET-123|invalid x-api-key: [key hidden]",
            "api_key=sk-test-QUIRE-SECRET-123 refused|api_key=[key hidden] refused"})
    void theMarkIsWrittenOnceAndWhole(String serverText, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, new Redactor(ApiKey.of(KEY)).redact(serverText));
    }
}
