package dev.quire.ui.stitch;

/** Where an accepted continuation or rewrite goes, kept in step with the writer's edits to the scene. */
final class Anchors {

    private Anchors() {
    }

    /**
     * The anchor after an edit that replaced {@code removed} characters at {@code position} with {@code inserted}
     * ones. A cursor stays before text typed exactly at it (the continuation follows what was there when it was
     * asked for); a selection grows with typing inside it and shrinks with deletions that reach into it, but text
     * typed just after it stays outside, so accepting a rewrite never replaces words written since.
     *
     * @return {start, end}
     */
    static int[] moved(int start, int end, boolean cursor, int position, int removed, int inserted) {
        return new int[] {move(start, position, removed, inserted, cursor),
                move(cursor ? start : end, position, removed, inserted, true)};
    }

    /** One offset after the edit; {@code stayBefore}: text inserted exactly at the offset goes after it. */
    private static int move(int offset, int position, int removed, int inserted, boolean stayBefore) {
        int editEnd = position + removed;
        if (offset < position || offset == position && stayBefore) {
            return offset;
        }
        if (offset >= editEnd) {
            return offset - removed + inserted;
        }
        // the offset was inside the removed text: it lands at the end of what replaced it
        return position + inserted;
    }
}
