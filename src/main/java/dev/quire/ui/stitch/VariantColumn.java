package dev.quire.ui.stitch;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Variant;
import dev.quire.stitch.Alignment;
import dev.quire.stitch.Passages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * One column of the stitching pane: a variant as it streams or as the library keeps it. Streamed text
 * arrives through {@link #append(String)}, once per frame; the view adds just that piece to its area.
 */
public final class VariantColumn {

    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObjectProperty<dev.quire.studio.Column> column = new SimpleObjectProperty<>(this, "column");
    private final ObjectProperty<Variant.Status> status = new SimpleObjectProperty<>(this, "status",
            Variant.Status.STREAMING);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty retry = new SimpleStringProperty(this, "retry", "");
    private final StringProperty refusal = new SimpleStringProperty(this, "refusal", "");
    private final StringProperty thinking = new SimpleStringProperty(this, "thinking", "");
    private final ObjectProperty<Integer> outputLimit = new SimpleObjectProperty<>(this, "outputLimit");
    private final BooleanProperty continuing = new SimpleBooleanProperty(this, "continuing");
    private final IntegerProperty tokens = new SimpleIntegerProperty(this, "tokens");
    private final BooleanProperty tokensExact = new SimpleBooleanProperty(this, "tokensExact");
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    /** What its request used and cost, once known: "31.2K in · Cache: 28.4K read, 1.1K written · $0.0123". */
    private final StringProperty usage = new SimpleStringProperty(this, "usage", "");
    /** The library priced this run: its figures stand, whichever of the stream's end and the price came first. */
    private boolean priced;
    private final ObjectProperty<Integer> rating = new SimpleObjectProperty<>(this, "rating");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObjectProperty<List<Alignment.Mark>> marks = new SimpleObjectProperty<>(this, "marks", List.of());
    private final StringBuilder text = new StringBuilder();
    private Long variantId;
    private boolean original;
    private Object owner;
    private final ObjectProperty<dev.quire.studio.Stitching.Asked> asked = new SimpleObjectProperty<>(this, "asked");
    private long startedNanos;
    private Consumer<String> appended = s -> { };
    private Variant.Status statusBefore = Variant.Status.COMPLETE;
    private Runnable replaced = () -> { };

    VariantColumn(String label) {
        this.label.set(label);
    }

    /** A column for a variant the library keeps. */
    static VariantColumn of(Variant variant, String label, String source, Integer outputTokens, String elapsed) {
        VariantColumn c = new VariantColumn(label);
        c.variantId = variant.id();
        c.text.append(variant.text());
        c.source.set(source);
        c.status.set(variant.status());
        c.error.set(variant.error() == null ? "" : variant.error());
        c.refusal.set(variant.refusal() == null ? "" : variant.refusal());
        c.thinking.set(variant.thinking());
        if (variant.outputTokens() != null) {
            outputTokens = variant.outputTokens();
        }
        c.rating.set(variant.rating());
        c.note.set(variant.note());
        c.tokens.set(outputTokens != null ? outputTokens : estimate(variant.text().length()));
        c.tokensExact.set(outputTokens != null);
        c.elapsed.set(elapsed);
        return c;
    }

    /**
     * The passage a rewrite was asked for, as the scene holds it, shown first so the writer can compare the variants
     * with it and keep it: what is taken from it is the writer's own text, as it was in the scene.
     */
    static VariantColumn original(String passage) {
        VariantColumn c = new VariantColumn("Original");
        c.original = true;
        c.text.append(passage);
        c.source.set("Your passage, as in the scene");
        c.status.set(Variant.Status.COMPLETE);
        c.tokens.set(estimate(passage.length()));
        return c;
    }

    /** The original of the passage from {@code start} to {@code end} of the scene's text (clamped to it). */
    static VariantColumn original(String scene, int start, int end) {
        int to = Math.max(0, Math.min(end, scene.length()));
        return original(scene.substring(Math.max(0, Math.min(start, to)), to));
    }

    /** {@code count} empty columns labelled A, B, C…, for a new generation. */
    static List<VariantColumn> fresh(int count) {
        List<VariantColumn> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new VariantColumn(Variant.labelFor(i)));
        }
        return out;
    }

    /** Whether this is the rewritten passage's {@link #original(String) original}, not a variant. */
    public boolean isOriginal() {
        return original;
    }

    // ---- streaming, on the FX thread ----

    /**
     * Starts over for a new stream into this column (a first generation or "regenerate this one"), which from
     * now on is the only one whose text and outcome it shows.
     */
    void restart(Object newOwner, String newSource) {
        owner = newOwner;
        text.setLength(0);
        variantId = null;
        source.set(newSource);
        status.set(Variant.Status.STREAMING);
        error.set("");
        retry.set("");
        refusal.set("");
        thinking.set("");
        continuing.set(false);
        tokens.set(0);
        tokensExact.set(false);
        elapsed.set("");
        rating.set(null);
        note.set("");
        marks.set(List.of());
        usage.set("");
        priced = false;
        startedNanos = System.nanoTime();
        replaced.run();
    }

    void append(String piece) {
        text.append(piece);
        retry.set("");
        tokens.set(estimate(text.length()));
        appended.accept(piece);
    }

    /** The stream ended; the column already shows everything that arrived. */
    void finish(Variant.Status newStatus, String errorMessage, Integer outputTokens) {
        status.set(newStatus);
        error.set(errorMessage == null ? "" : errorMessage);
        if (outputTokens != null) {
            tokens.set(outputTokens);
            tokensExact.set(true);
        }
        tick();
    }

    /** The stream ended: how, with the model's refusal and thinking, which are never in the text. */
    void ended(dev.quire.llm.VariantResult result) {
        refusal.set(result.refusal() == null ? "" : result.refusal());
        thinking.set(result.thinking());
        String message = result.error() == null ? null : result.error().message();
        if (result.status() == dev.quire.llm.VariantResult.Status.FILTERED) {
            message = "The provider's content filter stopped this variant"
                    + (result.filter() == null ? "." : " (" + result.filter() + ").");
        }
        finish(dev.quire.studio.Generator.statusOf(result.status()), message, result.usage().output());
        if (!priced) {
            dev.quire.llm.Usage u = result.usage().isEmpty() ? result.requestUsage() : result.usage();
            usage.set(dev.quire.ui.common.UsageText.of(u.input(), u.output(), u.cachedInput(), u.cacheCreation(),
                    null));
        }
    }

    /**
     * What the variant's request cost, once the library priced it; null when its model has no price. The stream's
     * end is applied once per frame, so it may come after this: it then leaves these figures alone.
     */
    void cost(dev.quire.model.TokenUsage tokens, Double cost) {
        priced = true;
        usage.set(dev.quire.ui.common.UsageText.of(tokens, cost));
    }

    /**
     * The variant is continued in place: same label, provenance and id; the text goes on from {@code base} (the
     * variant's text, its trailing whitespace trimmed for a prefill), and the new text streams in after it.
     */
    void resume(Object newOwner, String base) {
        if (owner != newOwner) {
            statusBefore = status.get();
        }
        owner = newOwner;
        if (!text.toString().equals(base)) {
            replaceText(base);
        }
        status.set(Variant.Status.STREAMING);
        error.set("");
        retry.set("");
        continuing.set(true);
        marks.set(List.of());
        priced = false;
        startedNanos = System.nanoTime();
    }

    /** The continuation ended: the variant as the library now holds it, and why a failed one failed. */
    void settle(Variant variant, String failure) {
        continuing.set(false);
        if (!text.toString().equals(variant.text())) {
            replaceText(variant.text());
        }
        status.set(variant.status());
        error.set(failure != null ? failure : variant.error() == null ? "" : variant.error());
        refusal.set(variant.refusal() == null ? "" : variant.refusal());
        thinking.set(variant.thinking());
        if (variant.outputTokens() != null) {
            tokens.set(variant.outputTokens());
            tokensExact.set(true);
        } else {
            tokens.set(estimate(text.length()));
            tokensExact.set(false);
        }
        finishedAt(System.nanoTime());
    }

    /** The continuation could not even be sent: the column shows the variant as it was, with why. */
    void settleUnchanged(String failure) {
        continuing.set(false);
        owner = null;
        status.set(statusBefore);
        error.set(failure == null ? "" : failure);
    }

    private void replaceText(String now) {
        text.setLength(0);
        replaced.run();
        text.append(now);
        appended.accept(now);
    }

    /** Shows the time since the stream started, while it streams; a few times a second, not every frame. */
    void tick() {
        if (startedNanos != 0 && isStreaming()) {
            elapsed.set(seconds(System.nanoTime() - startedNanos));
        }
    }

    void finishedAt(long nanos) {
        if (startedNanos != 0) {
            elapsed.set(seconds(nanos - startedNanos));
        }
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** About four characters a token: what the column shows until the provider reports its count. */
    static int estimate(int characters) {
        return (characters + 3) / 4;
    }

    // ---- what the view reads ----

    public String text() {
        return text.toString();
    }

    public boolean isStreaming() {
        return status.get() == Variant.Status.STREAMING;
    }

    /**
     * The passage from {@code start} to {@code end}, trimmed, as it goes into a composition where {@code before}
     * is the character before it (empty at the start): attributed to this column's variant, with a space or a paragraph break (the writer's) that keeps it from
     * running into the text before it. Empty when there is nothing there to take.
     */
    public Prose passage(int start, int end, String before) {
        String all = text();
        if (start < 0 || end > all.length() || start >= end) {
            return Prose.EMPTY;
        }
        String passage = all.substring(start, end).strip();
        if (passage.isEmpty()) {
            return Prose.EMPTY;
        }
        int first = start;
        while (first < end && Character.isWhitespace(all.charAt(first))) {
            first++;
        }
        boolean startsParagraph = Passages.paragraphAt(all, first).start() == first;
        String gap = before.isEmpty() || before.equals("\n") ? "" : startsParagraph ? "\n" : before.isBlank() ? "" : " ";
        return Prose.plain(gap).replace(gap.length(), gap.length(), Prose.from(passage, provenance()));
    }

    /** Where a passage taken from this column came from; the variant id is null while it still streams. */
    public Provenance provenance() {
        return original ? Provenance.WRITER : Provenance.variant(label.get(), variantId);
    }

    /** What this column's variant was asked for; null for a pasted one, which cannot be asked for again. */
    public ObjectProperty<dev.quire.studio.Stitching.Asked> askedProperty() {
        return asked;
    }

    /** Whether {@code stream} is the one this column shows. */
    boolean ownedBy(Object stream) {
        return owner == stream;
    }

    public Long variantId() {
        return variantId;
    }

    void variantId(Long id) {
        variantId = id;
    }

    /** Called with each piece of streamed text, once per frame. */
    void onAppended(Consumer<String> listener) {
        appended = listener;
    }

    /** Called when the column starts over with no text. */
    void onReplaced(Runnable listener) {
        replaced = listener;
    }

    /** The model's own words declining; empty when it wrote none. Never part of the text. */
    public StringProperty refusalProperty() {
        return refusal;
    }

    /** How the model got here: its thinking or reasoning, empty when it sent none. Never part of the text. */
    public StringProperty thinkingProperty() {
        return thinking;
    }

    /** The output limit the variant was asked with, in tokens; null when unknown. */
    public ObjectProperty<Integer> outputLimitProperty() {
        return outputLimit;
    }

    /** Whether the variant is being continued in place. */
    public BooleanProperty continuingProperty() {
        return continuing;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** What this column of a mixed set asked differently from the set; null for a plain set's column. */
    public ObjectProperty<dev.quire.studio.Column> columnProperty() {
        return column;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public ObjectProperty<Variant.Status> statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** "Retrying in 2 s…" while the provider is being asked again, else empty. */
    public StringProperty retryProperty() {
        return retry;
    }

    public IntegerProperty tokensProperty() {
        return tokens;
    }

    public BooleanProperty tokensExactProperty() {
        return tokensExact;
    }

    public StringProperty usageProperty() {
        return usage;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    public ObjectProperty<Integer> ratingProperty() {
        return rating;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Diff marks over the text, empty while it streams. */
    public ObjectProperty<List<Alignment.Mark>> marksProperty() {
        return marks;
    }
}
