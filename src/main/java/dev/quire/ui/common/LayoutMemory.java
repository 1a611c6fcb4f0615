package dev.quire.ui.common;

import dev.quire.store.SettingsRepository;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * How the writer left the window: where it was and how big, the binder's and the composition's dividers, and
 * whether provenance colours and cliché underlines show. Kept in the library's settings; read once at start-up, the
 * dividers and the window written back when the window closes (dragging a divider would otherwise write on every
 * pixel), the toggles at once.
 */
public final class LayoutMemory {

    static final String WINDOW = "ui.window";
    static final String BINDER = "ui.split.binder";
    static final String COMPOSITION = "ui.split.composition";
    static final String PROVENANCE = "ui.provenance.shown";
    static final String BINDER_SHOWN = "ui.binder.shown";
    static final String CLICHES_SHOWN = "ui.cliches.shown";

    /** Where the window was: its outer bounds when not maximised, and whether it was maximised. */
    public record Placement(double x, double y, double width, double height, boolean maximized) {

        String encode() {
            return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
        }

        static Optional<Placement> decode(String text) {
            String[] parts = text.split(",");
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                Placement p = new Placement(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]));
                return p.width() > 0 && p.height() > 0 ? Optional.of(p) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final SettingsRepository settings;
    private final Background background;
    private final DoubleProperty binderDivider = new SimpleDoubleProperty(this, "binderDivider", 0.22);
    private final DoubleProperty compositionDivider = new SimpleDoubleProperty(this, "compositionDivider", 0.6);
    private final BooleanProperty provenanceShown = new SimpleBooleanProperty(this, "provenanceShown");
    private final BooleanProperty binderShown = new SimpleBooleanProperty(this, "binderShown", true);
    private final BooleanProperty clichesShown = new SimpleBooleanProperty(this, "clichesShown", true);
    private Placement placement;

    /** Reads what the library remembers; on the FX thread at start-up, as the theme is read. */
    public LayoutMemory(SettingsRepository settings, Background background) {
        this.settings = settings;
        this.background = background;
        placement = settings.get(WINDOW).flatMap(Placement::decode).orElse(null);
        fraction(BINDER).ifPresent(binderDivider::set);
        fraction(COMPOSITION).ifPresent(compositionDivider::set);
        provenanceShown.set(settings.get(PROVENANCE).map("true"::equals).orElse(false));
        provenanceShown.addListener((o, was, on) -> background.write(() -> {
            settings.put(PROVENANCE, String.valueOf(on));
            return null;
        }).describedAs("Quire could not remember whether provenance colours show").start());
        binderShown.set(settings.get(BINDER_SHOWN).map(v -> !"false".equals(v)).orElse(true));
        binderShown.addListener((o, was, on) -> background.write(() -> {
            settings.put(BINDER_SHOWN, String.valueOf(on));
            return null;
        }).describedAs("Quire could not remember whether the binder shows").start());
        clichesShown.set(settings.get(CLICHES_SHOWN).map(v -> !"false".equals(v)).orElse(true));
        clichesShown.addListener((o, was, on) -> background.write(() -> {
            settings.put(CLICHES_SHOWN, String.valueOf(on));
            return null;
        }).describedAs("Quire could not remember whether clichés are underlined").start());
    }

    private Optional<Double> fraction(String key) {
        return settings.get(key).flatMap(v -> {
            try {
                double d = Double.parseDouble(v);
                // a divider at an edge would hide a whole pane the writer may not find again
                return d >= 0.05 && d <= 0.95 ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Where the window was last closed; empty the first time. */
    public Optional<Placement> placement() {
        return Optional.ofNullable(placement);
    }

    public void placement(Placement now) {
        this.placement = now;
    }

    /** The binder's share of the window's width. */
    public DoubleProperty binderDividerProperty() {
        return binderDivider;
    }

    /** The variant columns' share of the stitching pane's height; the composition has the rest. */
    public DoubleProperty compositionDividerProperty() {
        return compositionDivider;
    }

    /** Whether the binder shows beside the tabs, or is folded away for more room to write. */
    public BooleanProperty binderShownProperty() {
        return binderShown;
    }

    /** Whether cliché watch underlines stock phrases in the variants and the composition. */
    public BooleanProperty clichesShownProperty() {
        return clichesShown;
    }

    /** Whether the scene editor colours text by where it came from. */
    public BooleanProperty provenanceShownProperty() {
        return provenanceShown;
    }

    /** Writes the window's place and the dividers; the background's close waits for it. */
    public void save() {
        Placement p = placement;
        double binder = binderDivider.get();
        double composition = compositionDivider.get();
        background.write(() -> {
            if (p != null) {
                settings.put(WINDOW, p.encode());
            }
            settings.put(BINDER, String.format(Locale.ROOT, "%.4f", binder));
            settings.put(COMPOSITION, String.format(Locale.ROOT, "%.4f", composition));
            return null;
        }).describedAs("Quire could not remember the window's layout").start();
    }
}
