package dev.quire.prompt;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filling a frame: an empty slot disappears with its blank lines, and only runs of blank lines are touched. */
class FrameRendererTest {

    @Test
    void runsOfBlankLinesBecomeOneBlankLineAndNothingElseChanges() {
        Pattern blankRuns = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+"); // what it replaces, as a pattern
        String[] bits = {"\n", "\n", "\n", " ", "\t", "a", "Mara.", "\r", "  \n", "\n\t\n"};
        Random random = new Random(3);
        for (int t = 0; t < 5000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                sb.append(bits[random.nextInt(bits.length)]);
            }
            String text = sb.toString();
            assertEquals(blankRuns.matcher(text).replaceAll("\n\n"), FrameRenderer.collapseBlankLines(text),
                    text.replace("\n", "\\n").replace("\t", "\\t"));
        }
        assertEquals("a\n\nb\n \nc", FrameRenderer.collapseBlankLines("a\n\n\n \t\nb\n \nc"));
    }
}
