package dev.quire.ui.settings;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Providers page's thinking and reasoning options: each kept only for the kind that takes it. */
class ReasoningSettingsTest {

    @Test
    void thinkingGoesToAnthropicOnlyAndEffortToOpenAiKindsOnly() {
        ReasoningSettings s = new ReasoningSettings();
        s.thinkingProperty().set(true);
        s.budgetProperty().set("2,048");
        s.effortProperty().set("high");

        ProviderProfile anthropic = s.applyTo(ProviderProfile.defaults(ProviderKind.ANTHROPIC));
        assertEquals(2048, anthropic.thinkingBudget());
        assertTrue(anthropic.thinking());
        assertNull(anthropic.reasoningEffort(), "no reasoning effort for Anthropic");
        assertTrue(anthropic.problems().isEmpty(), anthropic.problems().toString());

        ProviderProfile compatible = s.applyTo(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE));
        assertNull(compatible.thinkingBudget(), "no extended thinking for a compatible server");
        assertEquals("high", compatible.reasoningEffortToSend());

        ProviderProfile ollama = s.applyTo(ProviderProfile.defaults(ProviderKind.OLLAMA));
        assertNull(ollama.thinkingBudget());
        assertNull(ollama.reasoningEffortToSend());
    }

    @Test
    void aBudgetTooSmallIsAProblemInWordsAndFillingReadsAProfileBack() {
        ReasoningSettings s = new ReasoningSettings();
        s.thinkingProperty().set(true);
        s.budgetProperty().set("100");
        ProviderProfile p = s.applyTo(ProviderProfile.defaults(ProviderKind.ANTHROPIC));
        assertTrue(p.problems().stream().anyMatch(m -> m.contains("at least 1024")), p.problems().toString());

        s.fill(ProviderProfile.defaults(ProviderKind.ANTHROPIC).withThinkingBudget(8000));
        assertTrue(s.thinkingProperty().get());
        assertEquals("8000", s.budgetProperty().get());
        s.fill(ProviderProfile.defaults(ProviderKind.OPENAI));
        assertFalse(s.thinkingProperty().get());
        assertEquals("", s.effortProperty().get());
    }

    @Test
    void theOneHourCacheIsKeptForAnthropicOnly() {
        ReasoningSettings settings = new ReasoningSettings();
        dev.quire.llm.ProviderProfile claude = dev.quire.llm.ProviderProfile.defaults(
                dev.quire.llm.ProviderKind.ANTHROPIC).withCacheTtl("1h");
        settings.fill(claude);
        org.junit.jupiter.api.Assertions.assertTrue(settings.oneHourCacheProperty().get());
        org.junit.jupiter.api.Assertions.assertEquals("1h", settings.applyTo(claude).cacheTtl());
        dev.quire.llm.ProviderProfile openAi = dev.quire.llm.ProviderProfile.defaults(
                dev.quire.llm.ProviderKind.OPENAI);
        org.junit.jupiter.api.Assertions.assertEquals("5m", settings.applyTo(openAi).cacheTtl());
        settings.oneHourCacheProperty().set(false);
        org.junit.jupiter.api.Assertions.assertFalse(settings.applyTo(claude).oneHourCache());
    }
}
