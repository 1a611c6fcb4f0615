package dev.quire.ui.cliche;

import dev.quire.cliche.Finding;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Findings drawn as a quiet underline ({@value #CLASS}) over whatever style classes the text already has. */
public final class ClicheMarks {

    public static final String CLASS = "cliche";

    private ClicheMarks() {
    }

    /** Adds the underline over each finding that still fits the text; call after the text's own styles are set. */
    public static void underline(StyleClassedTextArea area, List<Finding> findings) {
        int length = area.getLength();
        for (Finding f : findings) {
            if (f.end() > length || f.length() <= 0) {
                continue;
            }
            StyleSpans<Collection<String>> spans = area.getStyleSpans(f.start(), f.end());
            area.setStyleSpans(f.start(), spans.mapStyles(ClicheMarks::with));
        }
    }

    private static Collection<String> with(Collection<String> style) {
        if (style.contains(CLASS)) {
            return style;
        }
        List<String> out = new ArrayList<>(style);
        out.add(CLASS);
        return out;
    }

    /** The finding at this offset, or the first overlapping this range. */
    public static Optional<Finding> at(List<Finding> findings, int start, int end) {
        for (Finding f : findings) {
            if (start == end ? f.start() <= start && start < f.end() : f.start() < end && start < f.end()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
