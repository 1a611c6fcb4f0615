package dev.quire.studio.manuscript;

/**
 * Scene-break lines as writers type them, alone on a line: {@code ***}, {@code * * *}, {@code ---},
 * {@code ___}, {@code #}, {@code §}, {@code ~~~}, a centred {@code *}, {@code ⁂}, {@code • • •} and the
 * like. A line of ornaments and spaces is a break; dashes and underscores alone need three, so a
 * stray hyphen stays text.
 */
final class SceneBreaks {

    /** Characters a break line may be made of besides dashes and underscores. */
    static final String ORNAMENTS = "*#~§•·⁂⁎∗⋆★☆✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❋❦❧☙⸙◊◆◇○●◦+=°†‡¤";

    /** What Quire writes between two scenes when the second has no title. */
    static final String MARK = "* * *";

    private SceneBreaks() {
    }

    static boolean isBreak(String line) {
        String t = line.replace('\u00A0', ' ').strip();
        if (t.isEmpty()) {
            return false;
        }
        int dashes = 0;
        int ornaments = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                continue;
            }
            if (cp == '-' || cp == '_' || cp == '\u2014' || cp == '\u2013') {
                dashes++;
            } else if (ORNAMENTS.indexOf(cp) >= 0) {
                ornaments++;
            } else {
                return false;
            }
        }
        return ornaments > 0 || dashes >= 3;
    }
}
