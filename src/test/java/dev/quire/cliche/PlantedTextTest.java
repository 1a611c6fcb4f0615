package dev.quire.cliche;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality bar: stock items planted at known offsets in prose written for the test are found (at least 80%),
 * and clean prose in eight registers (a committee comedy, a night ward, hard SF, a fantasy ferry, a first-person
 * comic flat viewing, a police interview, beekeeping field notes, a family letter) raises at most 2 findings per
 * 1,000 words. Every fourth planted item is wrapped over a line break.
 */
class PlantedTextTest {

    static final String[] CLEAN = {"01-allotment", "02-night-shift", "03-survey", "04-ferry", "05-flat-viewing",
            "06-interview-room", "07-field-notes", "08-letter"};

    record Planted(String text, List<int[]> items) {
    }

    @Test
    void findsThePlantedItemsAndLeavesCleanProseAlone() throws IOException {
        Planted planted = plant();
        List<Finding> findings = Detector.builtIn().scan(planted.text());

        int found = 0;
        List<String> missed = new ArrayList<>();
        for (int[] item : planted.items()) {
            boolean hit = findings.stream().anyMatch(f -> f.start() < item[1] && f.end() > item[0]);
            if (hit) {
                found++;
            } else {
                missed.add(planted.text().substring(item[0], item[1]).replace('\n', ' '));
            }
        }
        double recall = found / (double) planted.items().size();
        List<Finding> strays = findings.stream().filter(f -> planted.items().stream()
                .noneMatch(i -> f.start() < i[1] && f.end() > i[0])).toList();

        String clean = clean();
        int cleanWords = Detector.words(clean);
        // the same length as the planted text, and then all of it
        String slice = firstWords(clean, Detector.words(planted.text()));
        List<Finding> sliceFindings = Detector.builtIn().scan(slice);
        List<Finding> cleanFindings = Detector.builtIn().scan(clean);
        double perThousand = cleanFindings.size() * 1000.0 / cleanWords;

        System.out.printf(Locale.ROOT, "Planted: %d of %d found (%.0f%%); missed %s%n", found,
                planted.items().size(), recall * 100, missed);
        System.out.printf(Locale.ROOT, "Clean: %d findings in %d words (%.2f per 1,000); same-length slice: %d in %d "
                + "words; stray findings in the planted text: %d %s%n", cleanFindings.size(), cleanWords, perThousand,
                sliceFindings.size(), Detector.words(slice), strays.size(), strays);

        assertTrue(planted.items().size() >= 40, "enough planted items to mean something");
        assertTrue(recall >= 0.8, "found " + found + " of " + planted.items().size() + "; missed " + missed);
        assertTrue(cleanWords >= 4000, "several thousand words of clean prose: " + cleanWords);
        assertTrue(perThousand <= 2.0, "false findings per 1,000 words: " + perThousand + " " + cleanFindings);
        assertTrue(sliceFindings.size() * 1000.0 / Detector.words(slice) <= 2.0, sliceFindings.toString());
        assertTrue(strays.size() * 1000.0 / Detector.words(planted.text()) <= 2.0, strays.toString());
    }

    @Test
    void plantedOffsetsAreWhereTheItemsAre() throws IOException {
        Planted planted = plant();
        assertEquals("A chill crept up his spine", planted.text().substring(planted.items().get(0)[0],
                planted.items().get(0)[1]));
        assertTrue(planted.text().substring(planted.items().get(3)[0], planted.items().get(3)[1]).contains("\n"),
                "every fourth item crosses a line break");
    }

    /** The base text with one planted sentence after each of its sentences in turn, brackets removed. */
    static Planted plant() throws IOException {
        String base = read("planted-base.txt");
        List<String> sentences = new ArrayList<>();
        for (String line : read("planted.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                sentences.add(line.strip());
            }
        }
        String[] baseSentences = base.split("(?<=[.!?]) ");
        StringBuilder out = new StringBuilder();
        List<int[]> items = new ArrayList<>();
        for (int i = 0; i < Math.max(baseSentences.length, sentences.size()); i++) {
            if (i < baseSentences.length) {
                out.append(baseSentences[i]).append(' ');
            }
            if (i < sentences.size()) {
                String s = sentences.get(i);
                int open = s.indexOf('[');
                int close = s.indexOf(']');
                String item = s.substring(open + 1, close);
                if (items.size() % 4 == 3) {
                    item = item.replaceFirst(" ", "\n");
                }
                out.append(s, 0, open);
                int start = out.length();
                out.append(item);
                items.add(new int[] {start, out.length()});
                out.append(s.substring(close + 1)).append(' ');
            }
        }
        return new Planted(out.toString(), items);
    }

    static String clean() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String name : CLEAN) {
            sb.append(read("clean/" + name + ".txt")).append("\n\n");
        }
        return sb.toString();
    }

    private static String firstWords(String text, int words) {
        Tokens t = new Tokens(text);
        return words >= t.size ? text : text.substring(0, t.end[words - 1]);
    }

    static String read(String name) throws IOException {
        try (InputStream in = PlantedTextTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
