package dev.quire.prompt;

import dev.quire.model.Scene;

/**
 * The scene worked on as the request sees it: its text (before the passage, or up to the cursor, or all of it) and,
 * when rewriting, the text after the passage, whose place is marked between them.
 */
final class SceneText {

    private final TokenCounter counter;
    private final String intro;
    private final String before;
    private final String after;

    private SceneText(TokenCounter counter, String intro, String before, String after) {
        this.counter = counter;
        this.intro = intro;
        this.before = before;
        this.after = after;
    }

    /** The target scene's text for {@code {{scene_text}}}; nothing when the frame has no such slot or no target. */
    static SceneText of(PromptInput in, boolean slotUsed) {
        Scene target = in.target();
        if (!slotUsed || target == null) {
            return new SceneText(in.counter(), "", "", null);
        }
        PromptInput.Anchor a = in.anchor();
        if (a == null || a.isCursor()) {
            String text = targetText(in).strip();
            return new SceneText(in.counter(), text.isEmpty() ? "" : sceneIntro(target), text, null);
        }
        String text = target.prose().text();
        String before = text.substring(0, a.start()).stripLeading();
        String after = text.substring(a.end()).stripTrailing();
        boolean nothingAround = before.isBlank() && after.isBlank();
        return new SceneText(in.counter(), nothingAround ? "" : passageIntro(target), nothingAround ? "" : before,
                nothingAround ? null : after);
    }

    /** The target's text the request sees: up to the cursor when continuing, else all of it. */
    static String targetText(PromptInput in) {
        String text = in.target().prose().text();
        PromptInput.Anchor a = in.anchor();
        return a != null && a.isCursor() ? text.substring(0, a.start()) : text;
    }

    private static String sceneIntro(Scene s) {
        return "Here is scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ", “" + s.title().strip()
                + "”,") + " so far:\n\n";
    }

    private static String passageIntro(Scene s) {
        return "Here is scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ", “" + s.title().strip()
                + "”,") + " as it stands, with " + ContextAssembler.PASSAGE_MARK
                + " where the passage to rewrite is:\n\n";
    }

    int tokens() {
        return counter.count(before) + (after == null ? 0 : counter.count(after));
    }

    /**
     * The slot's text in at most {@code room} tokens of the scene's own words (all of them when negative): the end
     * of the text when continuing; around the passage when rewriting.
     */
    String render(int room) {
        if (intro.isEmpty()) {
            return "";
        }
        if (after == null) {
            String kept = room < 0 ? before : Trim.keepEnd(before, room, counter);
            return kept.isEmpty() ? "" : intro + (kept.length() < before.length() ? "[…] " : "") + kept;
        }
        // what leads into the passage matters most, but what it must lead into gets a third of the room
        int forAfter = room < 0 ? 0 : Math.min(counter.count(after), room / 3);
        String lead = room < 0 ? before : keepEndOf(before, room - forAfter);
        int left = room < 0 ? -1 : Math.max(0, room - counter.count(lead));
        String follow = left < 0 ? after : keepStartOf(after, left);
        if (lead.isBlank() && follow.isBlank()) {
            return ""; // the passage alone, rather than a scene with nothing of it left
        }
        return intro + (lead.length() < before.length() ? "[…] " : "") + lead + ContextAssembler.PASSAGE_MARK + follow
                + (follow.length() < after.length() ? " […]" : "");
    }

    /** The end of {@code text} within {@code room}, keeping the space between it and the passage. */
    private String keepEndOf(String text, int room) {
        String body = text.stripTrailing();
        String kept = Trim.keepEnd(body, room, counter);
        return kept.isEmpty() ? "" : kept + text.substring(body.length());
    }

    /** The start of {@code text} within {@code room}, keeping the space between the passage and it. */
    private String keepStartOf(String text, int room) {
        String body = text.stripLeading();
        String kept = Trim.keepStart(body, room, counter);
        return kept.isEmpty() ? "" : text.substring(0, text.length() - body.length()) + kept;
    }
}
