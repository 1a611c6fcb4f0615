package dev.quire.ui.settings;

import dev.quire.llm.ProviderProfile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A profile's thinking and reasoning options as the Providers page edits them: Anthropic extended thinking on or off
 * with its budget, and a reasoning effort for OpenAI and compatible models. Each is kept only for the kind that takes
 * it, so it is sent only where the provider accepts it.
 */
public final class ReasoningSettings {

    /** The budget offered when thinking is first turned on. */
    static final int DEFAULT_BUDGET = 4096;

    private final BooleanProperty thinking = new SimpleBooleanProperty(this, "thinking");
    private final StringProperty budget = new SimpleStringProperty(this, "budget", Integer.toString(DEFAULT_BUDGET));
    /** "" for none. */
    private final StringProperty effort = new SimpleStringProperty(this, "effort", "");
    /** Anthropic's 1-hour prompt cache rather than its 5-minute one. */
    private final BooleanProperty oneHourCache = new SimpleBooleanProperty(this, "oneHourCache");

    void fill(ProviderProfile p) {
        thinking.set(p.thinkingBudget() != null);
        budget.set(Integer.toString(p.thinkingBudget() != null ? p.thinkingBudget() : DEFAULT_BUDGET));
        effort.set(p.reasoningEffort() == null ? "" : p.reasoningEffort());
        oneHourCache.set(p.oneHourCache());
    }

    /** The profile with these options, each only where its kind takes it. */
    ProviderProfile applyTo(ProviderProfile p) {
        Integer tokens = null;
        if (thinking.get() && p.kind() == dev.quire.llm.ProviderKind.ANTHROPIC) {
            try {
                tokens = Integer.parseInt(budget.get().strip().replace(",", ""));
            } catch (NumberFormatException e) {
                tokens = 0; // the profile's problems say what is wrong
            }
        }
        boolean effortKind = p.kind() == dev.quire.llm.ProviderKind.OPENAI
                || p.kind() == dev.quire.llm.ProviderKind.OPENAI_COMPATIBLE;
        boolean anthropic = p.kind() == dev.quire.llm.ProviderKind.ANTHROPIC;
        return p.withThinkingBudget(tokens).withReasoningEffort(effortKind ? effort.get() : null)
                .withCacheTtl(anthropic && oneHourCache.get() ? "1h" : "5m");
    }

    public BooleanProperty thinkingProperty() {
        return thinking;
    }

    public StringProperty budgetProperty() {
        return budget;
    }

    public StringProperty effortProperty() {
        return effort;
    }

    public BooleanProperty oneHourCacheProperty() {
        return oneHourCache;
    }
}
