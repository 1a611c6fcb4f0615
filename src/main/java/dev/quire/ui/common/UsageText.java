package dev.quire.ui.common;

import dev.quire.model.TokenUsage;
import dev.quire.studio.Spending;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A request's usage as a column or a reply shows it: "31.2K in · Cache: 28.4K read, 1.1K written · 1.2K out · $0.02". */
public final class UsageText {

    private UsageText() {
    }

    public static String of(TokenUsage t, Double cost) {
        return of((int) t.input(), (int) t.output(), (int) t.cacheRead(), (int) t.cacheWrite(), cost);
    }

    /** Any count may be null (not reported); empty when none is known. */
    public static String of(Integer input, Integer output, Integer cacheRead, Integer cacheWrite, Double cost) {
        List<String> parts = new ArrayList<>();
        if (input != null) {
            parts.add(tokens(input) + " in");
        }
        boolean read = cacheRead != null && cacheRead > 0;
        boolean written = cacheWrite != null && cacheWrite > 0;
        if (read || written) {
            parts.add("Cache: " + (read ? tokens(cacheRead) + " read" : "")
                    + (read && written ? ", " : "") + (written ? tokens(cacheWrite) + " written" : ""));
        }
        if (output != null) {
            parts.add(tokens(output) + " out");
        }
        if (cost != null) {
            parts.add(Spending.money(cost));
        }
        return String.join(" · ", parts);
    }

    static String tokens(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fK", n / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }
}
