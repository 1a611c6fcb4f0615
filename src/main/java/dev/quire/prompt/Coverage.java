package dev.quire.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * How the prompt carries each scene before the one worked on: verbatim, by its summary, within its chapter's
 * summary, or not at all. Scenes and chapters are numbered from 1 in story order, as the writer counts them.
 *
 * @param verbatim       scenes whose text went in (whole, or the nearest one's end), pinned ones included
 * @param bySummary      scenes carried by their own summary
 * @param stale          how many of those summaries were made before their scene last changed
 * @param chapters       chapters whose summary went in for the scenes not carried one by one
 * @param byChapter      scenes carried only by their chapter's summary
 * @param leftOut        scenes the prompt does not carry in any form (no summary yet, or over budget)
 */
public record Coverage(List<Integer> verbatim, List<Integer> bySummary, int stale, List<Integer> chapters,
                       List<Integer> byChapter, List<Integer> leftOut) {

    /** No earlier scenes, or a frame without the story so far. */
    public static final Coverage NONE = new Coverage(List.of(), List.of(), 0, List.of(), List.of(), List.of());

    public Coverage {
        verbatim = List.copyOf(verbatim);
        bySummary = List.copyOf(bySummary);
        chapters = List.copyOf(chapters);
        byChapter = List.copyOf(byChapter);
        leftOut = List.copyOf(leftOut);
    }

    /** Whether every earlier scene is carried in some form. */
    public boolean complete() {
        return leftOut.isEmpty();
    }

    /**
     * One line for the writer: "scenes 1–96 by summary (12 stale), 97–118 verbatim, chapters 1–3 by chapter
     * summary"; "" when there are no earlier scenes.
     */
    public String line() {
        List<String> parts = new ArrayList<>();
        List<String> scenes = new ArrayList<>();
        if (!bySummary.isEmpty()) {
            scenes.add(ranges(bySummary) + " by summary" + (stale > 0 ? " (" + stale + " stale)" : ""));
        }
        if (!verbatim.isEmpty()) {
            scenes.add(ranges(verbatim) + " verbatim");
        }
        if (!scenes.isEmpty()) {
            boolean one = bySummary.size() + verbatim.size() == 1;
            parts.add((one ? "scene " : "scenes ") + String.join(", ", scenes));
        }
        if (!chapters.isEmpty()) {
            parts.add((chapters.size() == 1 ? "chapter " : "chapters ") + ranges(chapters) + " by chapter summary");
        }
        if (!leftOut.isEmpty()) {
            parts.add((leftOut.size() == 1 ? "scene " : "scenes ") + ranges(leftOut) + " left out");
        }
        return String.join(", ", parts);
    }

    /** "1–3, 5, 7–9" from ascending numbers. */
    static String ranges(List<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(numbers.get(i));
            if (j > i) {
                sb.append('–').append(numbers.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
