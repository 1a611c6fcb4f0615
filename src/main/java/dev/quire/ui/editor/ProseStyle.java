package dev.quire.ui.editor;

import dev.quire.model.Provenance;

import java.util.ArrayList;
import java.util.List;

/** The editor's style for a run of text: the model's span attributes, shown through CSS classes. */
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
        classes.add(provenanceClass(provenance));
        return classes;
    }

    /** Six quiet colours for variants A–F, repeating after that. */
    public static String provenanceClass(Provenance provenance) {
        if (provenance.isWriter()) {
            return "prov-writer";
        }
        String label = provenance.label();
        int index = label.length() == 1 && label.charAt(0) >= 'A' && label.charAt(0) <= 'Z' ? label.charAt(0) - 'A' : 0;
        return "prov-" + (char) ('a' + index % 6);
    }
}
