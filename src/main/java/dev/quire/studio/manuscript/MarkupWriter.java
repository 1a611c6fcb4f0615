package dev.quire.studio.manuscript;

import dev.quire.model.Prose;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Markdown and plain text, written so that Quire reads them back as the same scenes and text.
 *
 * <p>Markdown: {@code # Title}, {@code ## Scene title}, {@code * * *} before an untitled scene,
 * {@code # Chapter} for a story's chapters (the title then goes in front matter, {@code title: …}),
 * {@code _italic_} ({@code *italic*} inside a word) and {@code **bold**}, a line break inside a paragraph as a
 * backslash at the end of the line (CommonMark's hard line break); Markdown's special
 * characters in the text are escaped with a backslash. Provenance marks are HTML {@code <mark>}
 * elements, which Markdown renderers pass through: {@code <mark class="variant-a" title="Variant A">}.
 *
 * <p>Plain text: the title and chapters underlined with {@code =}, scene titles underlined with {@code -}, the
 * same emphasis marks as Markdown (the manuscript convention for italics in plain text), a line break as a new
 * line, nothing escaped. Provenance marks are {@code {{A: …}}}.
 *
 * <p>Both end with a legend of the marks when they are shown, and the appendix of unused variants when
 * it is asked for.
 */
final class MarkupWriter {

    /** A line break inside a paragraph. */
    private static final char LINE = '\u2028';

    private final boolean markdown;
    private final boolean marks;
    private final StringBuilder out = new StringBuilder();

    private MarkupWriter(boolean markdown, boolean marks) {
        this.markdown = markdown;
        this.marks = marks;
    }

    static void write(ExportedStory story, Format format, StoryExport.Options options, OutputStream stream)
            throws IOException {
        MarkupWriter w = new MarkupWriter(format == Format.MARKDOWN, options.provenance());
        w.story(story);
        stream.write(w.out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void story(ExportedStory story) {
        boolean chapters = story.hasChapters();
        if (chapters && markdown) {
            // chapters take level 1, so the title goes in front matter: a "# Title" before them would read back
            // as part of the first chapter's heading
            out.append("---\ntitle: ").append(yaml(story.title())).append("\n---\n\n");
        } else {
            heading(1, story.title());
        }
        List<ExportedStory.Section> scenes = story.scenes();
        for (int i = 0; i < scenes.size(); i++) {
            ExportedStory.Section scene = scenes.get(i);
            String chapter = story.chapterOpenedBy(i);
            if (chapter != null) {
                heading(1, chapter);
            }
            if (!scene.title().isEmpty()) {
                heading(2, scene.title());
            } else if (i > 0 && chapter == null) {
                out.append(SceneBreaks.MARK).append("\n\n");
            }
            prose(scene.prose());
        }
        // after chapters the back matter is a chapter's peer, not a scene of the last one
        int back = chapters ? 1 : 2;
        Map<String, Integer> labels = story.markLabels();
        if (marks && !labels.isEmpty()) {
            heading(back, "About the marks");
            paragraph(markdown
                    ? "Marked passages came from the language model: each mark names the variant it came from."
                    + " Everything else is the writer's own."
                    : "Passages written {{A: like this}} came from the language model's variant A (and so on for"
                    + " the other letters). Everything else is the writer's own.");
            for (String label : labels.keySet()) {
                if (markdown) {
                    out.append("- <mark class=\"").append(markClass(label)).append("\">Variant ")
                            .append(escape(label)).append("</mark>\n");
                }
            }
            if (markdown) {
                out.append('\n');
            }
        }
        if (!story.unused().isEmpty()) {
            heading(back, "Variants not used");
            for (ExportedStory.UnusedVariant v : story.unused()) {
                heading(back + 1, v.heading());
                paragraph(v.details());
                prose(v.prose());
            }
        }
    }

    private void heading(int level, String text) {
        if (markdown) {
            out.append("#".repeat(level)).append(' ').append(escape(text)).append("\n\n");
        } else {
            String line = text.strip();
            out.append(line).append('\n');
            if (level <= 2) {
                out.append((level == 1 ? "=" : "-").repeat(Math.max(3, line.codePointCount(0, line.length()))))
                        .append("\n\n");
            } else {
                out.append('\n');
            }
        }
    }

    private void paragraph(String plain) {
        out.append(markdown ? escapeLineStart(escape(plain)) : plain).append("\n\n");
    }

    private void prose(Prose prose) {
        for (List<StyledRun> runs : StyledRun.paragraphs(prose)) {
            out.append(paragraph(runs)).append("\n\n");
        }
    }

    /** One paragraph: emphasis as ranges trimmed of spaces (Markdown emphasis must hug its text), then marks. */
    private String paragraph(List<StyledRun> runs) {
        StringBuilder text = new StringBuilder();
        for (StyledRun r : runs) {
            text.append(r.text());
        }
        int n = text.length();
        boolean[] italic = new boolean[n];
        boolean[] bold = new boolean[n];
        String[] mark = new String[n];
        int at = 0;
        for (StyledRun r : runs) {
            for (int i = 0; i < r.text().length(); i++, at++) {
                italic[at] = r.italic();
                bold[at] = r.bold();
                mark[at] = marks && r.provenance().isVariant() ? ExportedStory.markLabel(r.provenance()) : null;
            }
        }
        trim(italic, text);
        trim(bold, text);
        StringBuilder line = new StringBuilder();
        String italicMark = "_";
        for (int i = 0; i <= n; i++) {
            boolean itBefore = i > 0 && italic[i - 1];
            boolean itHere = i < n && italic[i];
            boolean boBefore = i > 0 && bold[i - 1];
            boolean boHere = i < n && bold[i];
            String mkBefore = i > 0 ? mark[i - 1] : null;
            String mkHere = i < n ? mark[i] : null;
            if (boBefore && !boHere) {
                line.append("**");
            }
            if (itBefore && !itHere) {
                line.append(italicMark);
            }
            if (mkBefore != null && !mkBefore.equals(mkHere)) {
                line.append(markdown ? "</mark>" : "}}");
            }
            if (mkHere != null && !mkHere.equals(mkBefore)) {
                line.append(markdown ? "<mark class=\"" + markClass(mkHere) + "\" title=\"Variant " + attribute(mkHere)
                        + "\">" : "{{" + mkHere + ": ");
            }
            if (itHere && !itBefore) {
                italicMark = italicDelimiter(text, italic, i);
                line.append(italicMark);
            }
            if (boHere && !boBefore) {
                line.append("**");
            }
            if (i < n) {
                char c = text.charAt(i);
                if (c == LINE) {
                    line.append(markdown ? "\\\n" : "\n"); // CommonMark's hard line break
                } else {
                    line.append(markdown ? escape(String.valueOf(c)) : String.valueOf(c));
                }
            }
        }
        if (!markdown) {
            return line.toString();
        }
        // each line after a line break must not read as a heading, a list or a break either
        StringBuilder out = new StringBuilder(line.length() + 4);
        for (String part : line.toString().split("\n", -1)) {
            String escaped = escapeLineStart(part);
            if (out.length() > 0) {
                out.append('\n');
                // a line of = or - under a line would make a heading of it
                if (escaped.equals(part) && (part.startsWith("=") || part.startsWith("-"))) {
                    escaped = "\\" + part;
                }
            }
            out.append(escaped);
        }
        return out.toString();
    }

    /** {@code _} reads as italic only at word edges; inside a word it must be {@code *}. */
    private static String italicDelimiter(CharSequence text, boolean[] italic, int start) {
        int end = start;
        while (end < italic.length && italic[end]) {
            end++;
        }
        boolean inWord = (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))
                || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)));
        return inWord ? "*" : "_";
    }

    /** Emphasis ranges lose their leading and trailing spaces, which stay as plain text outside the marks. */
    private static void trim(boolean[] styled, CharSequence text) {
        int i = 0;
        while (i < styled.length) {
            if (!styled[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < styled.length && styled[end]) {
                end++;
            }
            for (int k = i; k < end && Character.isWhitespace(text.charAt(k)); k++) {
                styled[k] = false;
            }
            for (int k = end - 1; k >= i && Character.isWhitespace(text.charAt(k)); k--) {
                styled[k] = false;
            }
            i = end;
        }
    }

    /** A YAML scalar that Quire's front matter reader gives back as it was. */
    private static String yaml(String title) {
        String t = title.strip();
        if (!t.contains("'")) {
            return "'" + t + "'";
        }
        return t.contains("\"") || t.contains("\\") ? t : "\"" + t + "\"";
    }

    static String markClass(String label) {
        return "variant-" + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** Backslashes before the characters Quire's Markdown reader (and Markdown itself) would act on. */
    private String escape(String s) {
        if (!markdown) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A paragraph that would read as a heading, a break, a list or a quote gets its first mark escaped. */
    private static String escapeLineStart(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = line.charAt(0);
        boolean listMark = (c == '-' || c == '+') && line.length() > 1 && line.charAt(1) == ' ';
        if (c == '#' || c == '>' || listMark || SceneBreaks.isBreak(line)) {
            return "\\" + line;
        }
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }
}
