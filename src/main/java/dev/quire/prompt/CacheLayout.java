package dev.quire.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Where a frame's system section is cut into blocks for the prompt cache: from most stable to least, each cut a
 * cache breakpoint. The frame's own words; the story bible; canon, the character sheets and always-on lore; the
 * story so far by summary, with any scene pinned among them; the nearest scenes verbatim; then the rest: triggered
 * lore and the notes. Anthropic takes four breakpoints: when several variants share a prompt, its wire format keeps
 * the last three of these and puts the fourth at the end of the whole prompt, so the variants share all of it.
 *
 * <p>Triggered lore depends on the scene being written, so where a frame puts it before the story so far it moves
 * to just after it: editing the current scene then changes no byte before the last breakpoint of the system.
 */
final class CacheLayout {

    /** Ends the bible's block, the stable story context's, and the summaries' (inside the {{scenes}} value). */
    static final char BIBLE_END = '\uE010';
    static final char STABLE_END = '\uE011';
    static final char SUMMARIES_END = '\uE012';
    /** Ends the nearest scenes verbatim (inside the {{scenes}} value). */
    static final char RECENT_END = '\uE014';
    /** Ends the frame's own words before its first slot: a block of its own, no breakpoint. */
    static final char ROLE_END = '\uE013';

    private static final Set<String> BIBLE_SLOTS = Set.of("title", "bible");
    private static final String TRIGGERED = "lore_triggered";

    private CacheLayout() {
    }

    /**
     * The system template with the cut markers put in: after the last bible slot and after the last stable slot, and
     * triggered lore moved after the story so far. The summaries' marker comes with the {@code scenes} value.
     */
    static String marked(String system) {
        system = triggeredLoreAfterScenes(system);
        Matcher m = Frame.SLOT.matcher(system);
        int bibleEnd = -1;
        int stableEnd = -1;
        boolean volatileSeen = false;
        while (m.find()) {
            String slot = m.group(1);
            if (Frame.STABLE_SLOTS.contains(slot)) {
                if (volatileSeen) {
                    continue; // a stable slot after a volatile one cannot be cached apart from it
                }
                stableEnd = m.end();
                if (BIBLE_SLOTS.contains(slot)) {
                    bibleEnd = m.end();
                }
            } else {
                volatileSeen = true;
            }
        }
        m.reset();
        int firstSlot = m.find() ? m.start() : -1;
        StringBuilder sb = new StringBuilder(system);
        if (stableEnd >= 0) {
            sb.insert(stableEnd, STABLE_END);
            if (bibleEnd >= 0 && bibleEnd < stableEnd) {
                sb.insert(bibleEnd, BIBLE_END);
            }
        }
        if (firstSlot >= 0) {
            sb.insert(firstSlot, ROLE_END);
        }
        return sb.toString();
    }

    private static String triggeredLoreAfterScenes(String system) {
        Matcher m = Frame.SLOT.matcher(system);
        int triggeredStart = -1;
        int triggeredEnd = -1;
        int scenesEnd = -1;
        while (m.find()) {
            if (m.group(1).equals(TRIGGERED) && triggeredStart < 0) {
                triggeredStart = m.start();
                triggeredEnd = m.end();
            } else if (m.group(1).equals(StorySoFar.SLOT) && triggeredStart >= 0 && scenesEnd < 0) {
                scenesEnd = m.end();
            }
        }
        if (scenesEnd < 0) {
            return system;
        }
        String slot = system.substring(triggeredStart, triggeredEnd);
        return system.substring(0, triggeredStart) + system.substring(triggeredEnd, scenesEnd) + "\n\n" + slot
                + system.substring(scenesEnd);
    }

    /**
     * The story so far as the {@code scenes} slot holds it, marked where the summaries (and the scenes pinned among
     * them) end and the nearest scenes verbatim begin.
     */
    static String scenesValue(String heading, List<Piece> pieces) {
        int lastSummary = -1;
        for (int i = 0; i < pieces.size(); i++) {
            String kind = pieces.get(i).kind();
            if (kind.equals(StorySoFar.SUMMARY) || kind.equals(StorySoFar.CHAPTER_SUMMARY)) {
                lastSummary = i;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (heading != null) {
            sb.append(heading);
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(pieces.get(i).text());
            if (i == lastSummary) {
                sb.append(SUMMARIES_END);
            }
        }
        if (lastSummary < pieces.size() - 1) {
            sb.append(RECENT_END);
        }
        return sb.toString();
    }

    /** The filled system text cut at its markers into blocks, each cut a breakpoint; empty blocks are left out. */
    static List<AssembledPrompt.Block> blocks(String filled) {
        List<AssembledPrompt.Block> blocks = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < filled.length(); i++) {
            char c = filled.charAt(i);
            if (c == BIBLE_END || c == STABLE_END || c == SUMMARIES_END || c == RECENT_END || c == ROLE_END) {
                add(blocks, part.toString(), c != ROLE_END, c == SUMMARIES_END || c == RECENT_END);
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        add(blocks, part.toString(), false, false);
        return blocks;
    }

    private static void add(List<AssembledPrompt.Block> blocks, String text, boolean breakpoint, boolean story) {
        String t = text.strip();
        if (!t.isEmpty()) {
            blocks.add(new AssembledPrompt.Block(t, breakpoint, story));
        } else if (breakpoint && !blocks.isEmpty() && !blocks.get(blocks.size() - 1).cacheBreakpoint()) {
            // nothing between the last cut and this one: the breakpoint ends the block before
            AssembledPrompt.Block last = blocks.remove(blocks.size() - 1);
            blocks.add(new AssembledPrompt.Block(last.text(), true, last.story()));
        }
    }

    /** Removes the markers: for text that is not cut into blocks (the user message). */
    static String unmarked(String text) {
        if (text.indexOf(SUMMARIES_END) < 0 && text.indexOf(BIBLE_END) < 0 && text.indexOf(STABLE_END) < 0
                && text.indexOf(ROLE_END) < 0 && text.indexOf(RECENT_END) < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != BIBLE_END && c != STABLE_END && c != SUMMARIES_END && c != ROLE_END && c != RECENT_END) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
