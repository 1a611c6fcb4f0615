package dev.quire.prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Fills a frame's slots. The system section becomes blocks cut where {@link CacheLayout} says, each cut a cache
 * breakpoint.
 */
final class FrameRenderer {

    /** Stands in for the passage while the blank lines of a section are tidied, so the passage goes as it is. */
    private static final String PASSAGE_STAND_IN = "\uE000passage\uE000";

    private final String[] sections;
    private final TokenCounter counter;

    FrameRenderer(Frame frame, TokenCounter counter) {
        this.sections = Frame.sections(frame.template());
        this.counter = counter;
    }

    /** The system blocks and the user message as they will be sent. */
    record Rendered(List<AssembledPrompt.Block> blocks, String user) {
        String systemText() {
            StringBuilder sb = new StringBuilder();
            for (AssembledPrompt.Block b : blocks) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(b.text());
            }
            return sb.toString();
        }
    }

    /** The whole prompt's tokens, with the conversation's earlier messages that go between system and user. */
    int tokens(Rendered r, int historyTokens) {
        // the user message is sent even when empty, so it costs its overhead whatever it holds
        return counter.messages(List.of(r.systemText())) + counter.count(r.user) + TokenCounter.MESSAGE_OVERHEAD
                + historyTokens;
    }

    /**
     * The frame with the fixed values and the pieces, each slot's pieces under its heading in their order; within
     * one place in story order a chapter's summary comes before a scene's, and a scene's summary before its end.
     */
    Rendered render(Map<String, String> fixed, List<Piece> pieces, Map<String, String> headings) {
        Map<String, String> values = new HashMap<>(fixed);
        Map<String, List<Piece>> bySlot = new HashMap<>();
        for (Piece p : pieces) {
            bySlot.computeIfAbsent(p.slot(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Piece>> e : bySlot.entrySet()) {
            List<Piece> slotPieces = e.getValue();
            slotPieces.sort(Comparator.comparingInt(Piece::order).thenComparingInt(p -> rank(p.kind())));
            if (e.getKey().equals(StorySoFar.SLOT)) {
                values.put(e.getKey(), CacheLayout.scenesValue(headings.get(e.getKey()), slotPieces));
                continue;
            }
            StringBuilder sb = new StringBuilder();
            String heading = headings.get(e.getKey());
            if (heading != null) {
                sb.append(heading);
            }
            for (Piece p : slotPieces) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(p.text());
            }
            values.put(e.getKey(), sb.toString());
        }
        return render(values);
    }

    private static int rank(String kind) {
        return switch (kind) {
            case StorySoFar.CHAPTER_SUMMARY -> 0;
            case StorySoFar.SUMMARY -> 1;
            default -> 2;
        };
    }

    Rendered render(Map<String, String> values) {
        List<AssembledPrompt.Block> blocks = CacheLayout.blocks(fill(CacheLayout.marked(sections[0]), values));
        return new Rendered(blocks, CacheLayout.unmarked(fill(sections[1], values)));
    }

    /**
     * Two or more blank lines (lines of nothing but spaces and tabs) become one, so that an empty slot disappears
     * with its blank lines. Written out rather than a regular expression: it runs over the whole story so far.
     */
    static String collapseBlankLines(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '\n') {
                out.append(c);
                i++;
                continue;
            }
            // a line break: how many more follow with nothing but spaces and tabs between them
            int breaks = 1;
            int last = i;
            int k = i + 1;
            while (true) {
                int m = k;
                while (m < n && (text.charAt(m) == ' ' || text.charAt(m) == '\t')) {
                    m++;
                }
                if (m < n && text.charAt(m) == '\n') {
                    breaks++;
                    last = m;
                    k = m + 1;
                } else {
                    break;
                }
            }
            if (breaks >= 3) {
                out.append("\n\n");
                i = last + 1;
            } else {
                out.append('\n');
                i++;
            }
        }
        return out.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = Frame.SLOT.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 256);
        int at = 0;
        while (m.find()) {
            sb.append(template, at, m.start());
            String slot = m.group(1);
            String value = values.getOrDefault(slot, "");
            if (slot.equals("passage") && !value.isEmpty()) {
                sb.append(PASSAGE_STAND_IN); // the writer's passage goes exactly as selected, blank lines and all
            } else if (Frame.SLOTS.contains(slot)) {
                sb.append(value);
            } else {
                sb.append(m.group()); // unknown: left as written, and the frame editor says so
            }
            at = m.end();
        }
        sb.append(template, at, template.length());
        String tidy = collapseBlankLines(sb).strip();
        return tidy.contains(PASSAGE_STAND_IN) ? tidy.replace(PASSAGE_STAND_IN, values.get("passage")) : tidy;
    }
}
