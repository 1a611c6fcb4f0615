package dev.quire.ui.usage;

import dev.quire.model.StorySummary;
import dev.quire.studio.Spending;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Usage page's state: what the library's requests used and cost over the last days, per day, story and model,
 * what the prompt cache saved, and the budget caps, read off the FX thread.
 */
public final class UsageViewModel {

    /** How many days the page shows, today included. */
    public static final int DAYS = 30;

    /** What the page shows once read. */
    public record Loaded(Spending.Report report, Map<Long, String> storyTitles, Optional<Double> dailyCap,
                         Optional<Double> storyCap, Double today) {
    }

    private final Studio studio;
    private final Background background;
    private final Long storyId;
    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    /** @param storyId the open story, for its cap; null on the library page */
    public UsageViewModel(Studio studio, Background background, Long storyId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
    }

    public ObjectProperty<Loaded> loadedProperty() {
        return loaded;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public boolean hasStory() {
        return storyId != null;
    }

    public void reload() {
        background.read(() -> {
            Spending spending = studio.spending();
            Map<Long, String> titles = new LinkedHashMap<>();
            for (StorySummary s : studio.stories().list()) {
                titles.put(s.id(), s.title());
            }
            return new Loaded(spending.report(null, LocalDate.now().minusDays(DAYS - 1)), titles, spending.dailyCap(),
                    storyId == null ? Optional.empty() : spending.storyCap(storyId), spending.today());
        }).describedAs("Quire could not read what requests used").onSuccess(loaded::set).start();
    }

    /** Saves the caps as typed: an amount, or blank for none. */
    public void saveCaps(String daily, String story) {
        Double d;
        Double s;
        try {
            d = amount(daily);
            s = amount(story);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        background.write(() -> {
            studio.spending().setDailyCap(d);
            if (storyId != null) {
                studio.spending().setStoryCap(storyId, s);
            }
        }).describedAs("Quire could not save the budget").onSuccess(v -> {
            message.set(d == null && s == null ? "No budget set." : "Budget saved.");
            reload();
        }).start();
    }

    private static Double amount(String typed) {
        String t = typed == null ? "" : typed.strip().replace("$", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            if (d < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A budget is an amount in dollars, such as 5 or 2.50, not “" + typed
                    + "”.");
        }
    }

    /** 950, 28.4K, 1.2M. */
    public static String tokens(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fK", n / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    /** A line's cost as the writer reads it: "$0.14", or "no price" when its model has none. */
    public static String cost(Spending.Line line) {
        return line.cost() == null ? "no price" : Spending.money(line.cost());
    }
}
