package dev.quire.ui.stitch;

import dev.quire.prompt.PromptReport;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Before any send, what it would cost: "≈ 31.2K tokens in, 3 × up to 1.2K out, ≤ $0.14; ≤ $0.05 with cache", read off
 * the FX thread whenever the prompt, the provider, the model or the number of variants changes.
 */
public final class SendEstimate {

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final GenerateOptions options;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    /** What to ask the writer before sending, when the estimate would pass a budget; null when it passes none. */
    private volatile String warning;
    private ObservableValue<PromptReport> report;
    private long asked;

    SendEstimate(Studio studio, Background background, long storyId, GenerateOptions options) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        this.options = options;
    }

    /** Follows the prompt the report describes; the returned text is the estimate. */
    public ReadOnlyStringProperty follow(ObservableValue<PromptReport> prompt) {
        this.report = prompt;
        prompt.addListener((o, was, now) -> refresh());
        options.providerProperty().addListener((o, was, now) -> refresh());
        options.modelProperty().addListener((o, was, now) -> refresh());
        options.variantsProperty().addListener((o, was, now) -> refresh());
        refresh();
        return text;
    }

    /** The budget the next send would pass, said for the writer; null when it passes none or no cap is set. */
    public String warning() {
        return warning;
    }

    private void refresh() {
        PromptReport r = report == null ? null : report.getValue();
        if (r == null) {
            text.set("");
            return;
        }
        long mine = ++asked;
        String provider = options.providerProperty().get();
        String model = options.modelProperty().get();
        int variants = options.mix().onProperty().get() ? options.mix().rows().size()
                : options.variantsProperty().get();
        int tokens = r.tokens();
        background.read(() -> {
            dev.quire.studio.Spending spending = studio.spending();
            dev.quire.studio.Spending.Estimate e = spending.estimate(storyId, provider, model, tokens,
                    Math.max(1, variants));
            String w = e.cost() == null ? null
                    : spending.capWarning(storyId, e.withCache() != null ? e.withCache() : e.cost()).orElse(null);
            return java.util.Map.entry(e.text(), java.util.Optional.ofNullable(w));
        }).describedAs("Quire could not estimate what the send costs").onSuccess(e -> {
            if (mine == asked) {
                text.set(e.getKey());
                warning = e.getValue().orElse(null);
            }
        }).start();
    }
}
