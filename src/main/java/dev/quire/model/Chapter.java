package dev.quire.model;

/**
 * A group of scenes in story order. Its summary stands in for its scenes when the prompt cannot carry them one by
 * one.
 *
 * @param position          the chapter's place in the story, from 0
 * @param part              the label of the part it opens or continues ("Part One"), grouping consecutive chapters;
 *                          empty for none
 * @param summarySourceHash the {@link ContentHash} of what the summary was made from; empty when there is none
 * @param summaryByWriter   the writer wrote or edited the summary, so it is theirs, not the model's, to redo
 */
public record Chapter(long id, long storyId, int position, String title, String part, String summary,
                      String summarySourceHash, boolean summaryByWriter) {

    public Chapter {
        title = Text.orEmpty(title);
        part = Text.orEmpty(part);
        summary = Text.orEmpty(summary);
        summarySourceHash = Text.orEmpty(summarySourceHash);
    }

    /** A chapter not yet stored; the store assigns the id. */
    public static Chapter titled(long storyId, int position, String title) {
        return new Chapter(0, storyId, position, title, "", "", "", false);
    }

    public Chapter withSummary(String newSummary, String newSourceHash, boolean byWriter) {
        return new Chapter(id, storyId, position, title, part, newSummary, newSourceHash, byWriter);
    }

    /** "Chapter 3: The Ledger", numbered from 1 as the writer counts. */
    public String label() {
        String t = title.strip();
        if (t.isEmpty()) {
            return "Chapter " + (position + 1);
        }
        // an imported "Chapter 2" or "Chapter Two" is already its own label
        return t.toLowerCase(java.util.Locale.ROOT).startsWith("chapter") ? t : "Chapter " + (position + 1) + ": " + t;
    }
}
