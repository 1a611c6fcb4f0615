package dev.quire.stitch;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What changed between two states of a text, word by word: for comparing a revision with the scene now. */
public final class WordDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    /** A run of text: kept, only in the earlier text, or only in the later one. */
    public record Piece(String text, Kind kind) {
    }

    // words and the whitespace between them are separate tokens, so a changed word does not drag its space along
    private static final Pattern TOKEN = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private WordDiff() {
    }

    /** The pieces that read as the later text with the earlier text's removals shown in place. */
    public static List<Piece> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Piece> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            add(out, String.join("", a.subList(i, d.getSource().getPosition())), Kind.SAME);
            add(out, String.join("", d.getSource().getLines()), Kind.REMOVED);
            add(out, String.join("", d.getTarget().getLines()), Kind.ADDED);
            i = d.getSource().getPosition() + d.getSource().size();
        }
        add(out, String.join("", a.subList(i, a.size())), Kind.SAME);
        return out;
    }

    private static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(TOKEN.split(text, -1));
    }

    private static void add(List<Piece> out, String text, Kind kind) {
        if (text.isEmpty()) {
            return;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).kind() == kind) {
            out.set(last, new Piece(out.get(last).text() + text, kind));
        } else {
            out.add(new Piece(text, kind));
        }
    }
}
