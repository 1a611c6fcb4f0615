package dev.quire.studio.manuscript;

import dev.quire.model.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown and plain text into blocks, line by line.
 *
 * <ul>
 *   <li>In Markdown, each list item and each table row is a paragraph of its own.</li>
 *   <li>Paragraphs are separated by blank lines; the lines of one paragraph are joined with a space,
 *       as Markdown does, except after CommonMark's hard line break (a backslash or two spaces at the end
 *       of a Markdown line), which stays a line break inside the paragraph (U+2028). But when a paragraph's inner lines run longer than {@value #WRAP_LIMIT}
 *       characters the file was not wrapped by hand: each line is then a paragraph of its own (text
 *       pasted from a word processor, one line per paragraph).</li>
 *   <li>Headings: Markdown's {@code # Heading} (Markdown only), and a short line underlined with
 *       {@code ===} or {@code ---} directly below it (both; that is how Quire writes plain text).
 *       In plain text a line standing alone that begins "Chapter", "Part", "Prologue", "Epilogue",
 *       "Interlude" or "Book" is a heading too.</li>
 *   <li>Scene breaks: see {@link SceneBreaks}.</li>
 *   <li>Markdown front matter between {@code ---} lines may name the title ({@code title: …}).</li>
 * </ul>
 */
final class TextBlocks {

    /** Lines longer than this were not wrapped by hand. */
    static final int WRAP_LIMIT = 120;
    /** A line longer than this is never read as an underlined heading. */
    private static final int HEADING_LIMIT = 120;

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern BULLET = Pattern.compile("^ {0,3}[-*+][ \\t]+(\\S.*)$");
    private static final Pattern ORDERED = Pattern.compile("^ {0,3}(\\d{1,9})[.)][ \\t]+\\S.*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^ {0,3}\\|.*\\|[ \\t]*$");
    private static final Pattern TABLE_RULE =
            Pattern.compile("^ {0,3}\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");
    private static final Pattern UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern CHAPTER = Pattern.compile(
            "^(chapter|part|book|prologue|epilogue|interlude)\\b.{0,60}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("^title:\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** The blocks, and a title declared in front matter ("" when none). */
    record Result(List<Block> blocks, String declaredTitle) {
    }

    private final boolean markdown;
    private final List<Block> blocks = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();
    private boolean onePerLine;
    /** The paragraph being gathered is a Markdown list item. */
    private boolean inItem;

    private TextBlocks(boolean markdown) {
        this.markdown = markdown;
    }

    static Result read(String text, boolean markdown) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String declared = markdown ? frontMatter(lines) : "";
        TextBlocks reader = new TextBlocks(markdown);
        reader.onePerLine = reader.unwrapped(lines);
        reader.read(lines);
        return new Result(reader.blocks, declared);
    }

    private void read(List<String> lines) {
        for (String line : lines) {
            if (line.isBlank()) {
                endParagraph();
                continue;
            }
            Matcher underline = UNDERLINE.matcher(line);
            if (underline.matches() && paragraph.size() == 1 && looksLikeHeading(paragraph.get(0))) {
                String heading = paragraph.get(0);
                paragraph.clear();
                // in plain text a heading is taken as it stands; in Markdown its emphasis marks go
                String words = markdown ? Inline.plain(heading.strip(), true) : heading.strip();
                blocks.add(Block.heading(underline.group(1).charAt(0) == '=' ? 1 : 2, words));
                continue;
            }
            if (markdown) {
                Matcher atx = ATX.matcher(line);
                if (atx.matches()) {
                    endParagraph();
                    String heading = Inline.plain(atx.group(2), true);
                    blocks.add(heading.isEmpty() || SceneBreaks.isBreak(heading)
                            ? Block.sceneBreak() : Block.heading(atx.group(1).length(), heading));
                    continue;
                }
            }
            if (SceneBreaks.isBreak(line)) {
                endParagraph();
                blocks.add(Block.sceneBreak());
                continue;
            }
            if (markdown && listOrTable(line)) {
                continue;
            }
            paragraph.add(line);
        }
        endParagraph();
    }

    /**
     * Markdown list items and table rows are a paragraph each, not run together: a bullet becomes "•", a number
     * stays, a row's cells are kept between " | ", and the row of dashes under a table's header goes.
     *
     * @return whether the line was taken
     */
    private boolean listOrTable(String line) {
        if (TABLE_ROW.matcher(line).matches()) {
            endParagraph();
            if (!TABLE_RULE.matcher(line).matches()) {
                String inner = line.strip();
                inner = inner.substring(1, inner.length() - 1);
                List<String> cells = new ArrayList<>();
                for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
                    cells.add(cell.strip());
                }
                blocks.add(Block.paragraph(Inline.paragraph(String.join(" | ", cells), true, Provenance.WRITER)));
            }
            return true;
        }
        Matcher bullet = BULLET.matcher(line);
        Matcher ordered = ORDERED.matcher(line);
        // as in CommonMark, only a list starting at 1 interrupts a paragraph of prose
        boolean startsOrdered = ordered.matches()
                && (paragraph.isEmpty() || inItem || Integer.parseInt(ordered.group(1)) == 1);
        if (bullet.matches() || startsOrdered) {
            endParagraph();
            paragraph.add(bullet.matches() ? "• " + bullet.group(1) : line.strip());
            inItem = true;
            return true;
        }
        return false;
    }

    private void endParagraph() {
        inItem = false;
        if (paragraph.isEmpty()) {
            return;
        }
        if (!markdown && paragraph.size() == 1 && CHAPTER.matcher(paragraph.get(0).strip()).matches()
                && looksLikeHeading(paragraph.get(0))) {
            blocks.add(Block.heading(2, paragraph.get(0).strip()));
        } else {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < paragraph.size(); i++) {
                String line = paragraph.get(i);
                boolean last = i == paragraph.size() - 1;
                int hard = last ? -1 : hardBreak(line);
                if (hard >= 0) {
                    joined.append(line.substring(0, hard).strip()).append('\u2028');
                    continue;
                }
                joined.append(line.strip());
                if (onePerLine || last) {
                    blocks.add(Block.paragraph(Inline.paragraph(joined.toString(), markdown, Provenance.WRITER)));
                    joined.setLength(0);
                } else {
                    joined.append(' ');
                }
            }
        }
        paragraph.clear();
    }

    /**
     * Where a Markdown line ends in CommonMark's hard line break (a backslash, or two or more spaces), or -1: the
     * line's text ends there, and a line break inside the paragraph follows.
     */
    private int hardBreak(String line) {
        if (!markdown) {
            return -1;
        }
        int end = line.length();
        int slashes = 0;
        while (slashes < end && line.charAt(end - 1 - slashes) == '\\') {
            slashes++;
        }
        if (slashes % 2 == 1) {
            return end - 1;
        }
        int spaces = 0;
        while (spaces < end && line.charAt(end - 1 - spaces) == ' ') {
            spaces++;
        }
        return spaces >= 2 && spaces < end ? end - spaces : -1;
    }

    /** A heading is short and does not end like a sentence. */
    private static boolean looksLikeHeading(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > HEADING_LIMIT) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return ".,;:".indexOf(last) < 0;
    }

    /**
     * Whether any line that another line follows directly is too long to have been wrapped by hand (a line ending
     * in a hard line break was ended by the writer, not wrapped).
     */
    private boolean unwrapped(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).strip().length() > WRAP_LIMIT && !lines.get(i + 1).isBlank()
                    && hardBreak(lines.get(i)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Removes Markdown front matter ({@code ---} … {@code ---} at the very start) and returns its title. */
    private static String frontMatter(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return "";
        }
        int end = -1;
        for (int i = 1; i < Math.min(lines.size(), 200); i++) {
            String t = lines.get(i).strip();
            if (t.equals("---") || t.equals("...")) {
                end = i;
                break;
            }
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("- ") && !t.matches("^[A-Za-z0-9_ -]+:.*")
                    && !Character.isWhitespace(lines.get(i).charAt(0))) {
                return ""; // not YAML: the --- was a scene break
            }
        }
        if (end < 2) {
            return "";
        }
        String title = "";
        for (int i = 1; i < end; i++) {
            Matcher m = FRONT_MATTER_TITLE.matcher(lines.get(i));
            if (m.matches()) {
                title = unquote(m.group(1));
            }
        }
        lines.subList(0, end + 1).clear();
        return title;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
