package dev.quire.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Span;
import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.Manuscript;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Manuscripts the tests read, and ways to look at what was read. */
final class Manuscripts {

    static {
        // as the studio does before it uses POI: no "could not find a logging provider" on stderr
        System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        System.setProperty("log4j2.simplelogLevel", "OFF");
    }

    private Manuscripts() {
    }

    /** The "Done when" manuscript: a title, italics and bold, three scene breaks of three kinds, four scenes. */
    static final String LIGHTHOUSE = """
            # The Lighthouse Keeper

            The lamp had been lit at *six*, as it was every night, and the
            keeper's daughter watched it turn.

            She climbed the stairs. The _sea_ was loud tonight.

            ***

            Morning came **grey** and late, and with it the supply boat.

            * * *

            A letter arrived. It said *come home*, and nothing else.

            ---

            The end, or ***nearly*** the end.
            """;

    /** A scene as a comparable line: its title, then its paragraphs with italic as _x_ and bold as **x**. */
    static String describe(String title, Prose prose) {
        StringBuilder b = new StringBuilder("[").append(title).append("] ");
        int at = 0;
        for (Span s : prose.spans()) {
            String t = prose.text().substring(at, at + s.length());
            if (s.bold()) {
                t = "**" + t + "**";
            }
            if (s.italic()) {
                t = "_" + t + "_";
            }
            b.append(t);
            at += s.length();
        }
        return b.toString().replace("\n", " ¶ ").replace("\u2028", " ↵ ");
    }

    static List<String> describe(Manuscript m) {
        List<String> out = new ArrayList<>();
        for (DraftScene s : m.scenes()) {
            out.add(describe(s.title(), s.prose()));
        }
        return out;
    }

    static List<String> describe(Studio studio, long storyId) {
        List<String> out = new ArrayList<>();
        for (Scene s : studio.scenes().all(storyId)) {
            out.add(describe(s.title(), s.prose()));
        }
        return out;
    }

    /** A Word document made with POI the way a word processor saves one: styled headings, italic runs. */
    static byte[] docx(Object... content) {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (Object o : content) {
                if (o instanceof String[]) {
                    String[] styled = (String[]) o;
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle(styled[0]);
                    p.createRun().setText(styled[1]);
                } else if (o instanceof Object[]) {
                    XWPFParagraph p = doc.createParagraph();
                    for (Object piece : (Object[]) o) {
                        String s = (String) piece;
                        XWPFRun r = p.createRun();
                        if (s.startsWith("_") && s.endsWith("_")) {
                            r.setItalic(true);
                            s = s.substring(1, s.length() - 1);
                        } else if (s.startsWith("**") && s.endsWith("**")) {
                            r.setBold(true);
                            s = s.substring(2, s.length() - 2);
                        }
                        r.setText(s);
                    }
                } else {
                    doc.createParagraph().createRun().setText((String) o);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] styled(String style, String text) {
        return new String[] {style, text};
    }

    static Object[] runs(String... pieces) {
        return java.util.Arrays.copyOf(pieces, pieces.length, Object[].class);
    }
}
