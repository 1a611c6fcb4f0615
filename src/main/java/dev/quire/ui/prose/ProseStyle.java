package dev.quire.ui.prose;

import dev.quire.model.Provenance;

import java.util.ArrayList;
import java.util.List;

/** A prose area's style for a run of text: the model's span attributes, shown through CSS classes. */
public record ProseStyle(boolean italic, boolean bold, Provenance provenance) {

    public static final ProseStyle WRITER = new ProseStyle(false, false, Provenance.WRITER);

    public ProseStyle withItalic(boolean on) {
        return new ProseStyle(on, bold, provenance);
    }

    public ProseStyle withBold(boolean on) {
        return new ProseStyle(italic, on, provenance);
    }

    /** The same emphasis, written by the writer: what typing next to this text produces. */
    public ProseStyle byWriter() {
        return provenance.isWriter() ? this : new ProseStyle(italic, bold, Provenance.WRITER);
    }

    /** CSS classes: emphasis, and a provenance class that only colours when provenance is shown. */
    public List<String> styleClasses() {
        List<String> classes = new ArrayList<>(3);
        if (italic) {
            classes.add("prose-italic");
        }
        if (bold) {
            classes.add("prose-bold");
        }
        classes.add(ProvenancePaint.classOf(provenance));
        return classes;
    }
}
