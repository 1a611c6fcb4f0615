package dev.quire.llm;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with a profile's thinking and reasoning options, in the settings screen's words. */
final class ReasoningOptions {

    private ReasoningOptions() {
    }

    static List<String> problems(ProviderProfile p) {
        List<String> problems = new ArrayList<>();
        Integer budget = p.thinkingBudget();
        if (budget != null) {
            if (p.kind() != ProviderKind.ANTHROPIC) {
                problems.add("Extended thinking is an Anthropic option; turn it off for this provider.");
            } else if (budget < ProviderProfile.MIN_THINKING_BUDGET) {
                problems.add("The thinking budget must be at least " + ProviderProfile.MIN_THINKING_BUDGET
                        + " tokens.");
            }
        }
        String effort = p.reasoningEffort();
        if (effort != null) {
            if (p.kind() != ProviderKind.OPENAI && p.kind() != ProviderKind.OPENAI_COMPATIBLE) {
                problems.add("A reasoning effort is for OpenAI and compatible servers; clear it for this provider.");
            } else if (!ProviderProfile.REASONING_EFFORTS.contains(effort)) {
                problems.add("The reasoning effort must be one of " + String.join(", ",
                        ProviderProfile.REASONING_EFFORTS) + ", not “" + effort + "”.");
            }
        }
        return problems;
    }
}
