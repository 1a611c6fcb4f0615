package dev.quire.cli;

import dev.quire.llm.ProviderProfile;
import picocli.CommandLine;

import java.util.Locale;

/** {@code provider add}'s thinking and reasoning options, read into a profile. */
final class ProviderOptions {

    private ProviderOptions() {
    }

    /** The profile with the options given; an option not given keeps the profile's. */
    static ProviderProfile apply(ProviderProfile profile, String thinking, String effort, CommandLine cmd) {
        ProviderProfile p = profile;
        if (thinking != null) {
            String t = thinking.strip().toLowerCase(Locale.ROOT);
            if (t.equals("off") || t.equals("0")) {
                p = p.withThinkingBudget(null);
            } else {
                try {
                    p = p.withThinkingBudget(Integer.parseInt(t.replace(",", "").replace("_", "")));
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(cmd, "--thinking takes a number of tokens (at least "
                            + ProviderProfile.MIN_THINKING_BUDGET + ") or off, not “" + thinking + "”.");
                }
            }
        }
        if (effort != null) {
            String e = effort.strip().toLowerCase(Locale.ROOT);
            p = p.withReasoningEffort(e.equals("off") || e.equals("none") ? null : e);
        }
        return p;
    }
}
