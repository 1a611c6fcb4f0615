package dev.quire.bench;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, prose-like text for the benchmark story: sentences of varied length over a word
 * list, paragraphs of varied size, dialogue in curly quotes, italic phrases, and now and then a
 * paragraph kept from a model variant. Word counts are exact as {@link Words#count} counts them.
 */
final class StoryText {

    private static final String[] WORDS = ("""
            the a an and but or so as at by for from in into of on onto over under with without through across
            after before behind beside between beyond during near past since toward upon within against along
            she he they we it her his their its our you I me him them us
            was were is had has have did could would should might must will can said asked whispered answered
            turned looked waited listened walked ran stood sat leaned lifted dropped opened closed held kept
            left found lost took gave made saw heard felt knew thought wanted needed remembered forgot noticed
            reached pulled pushed followed crossed climbed fell rose watched carried folded pressed touched
            light dark cold warm quiet loud slow quick old young long short small great narrow wide deep heavy
            pale bright grey green red black white brown golden silver bitter sweet sharp soft rough thin
            door window table chair floor wall roof stair street river bridge harbour market station garden
            field forest hill road path gate tower bell lamp candle letter book page map coat glove boot hat
            rain snow wind fog smoke dust salt stone iron glass paper ink bread tea wine water fire ash
            morning evening night noon winter summer autumn spring hour minute moment year week day
            hand face eye mouth shoulder voice breath heart step shadow silence sound name word question
            mother father sister brother friend stranger captain keeper clerk doctor widow child soldier
            not never always again still only just almost even already perhaps once twice then now there here
            slowly quietly carefully suddenly finally nearly barely softly easily gently firmly
            something nothing everything someone nobody everyone anything
            """).trim().split("\\s+");

    static final String[] NAMES = {"Mara", "Tobias", "Elin", "Corwin", "Ada", "Jonas", "Ilse", "Perrin",
        "Odile", "Rafe", "Wren", "Hollis", "Signe", "Bram", "Nell", "Aurelio"};

    static final String[] PLACES = {"Halden", "the Narrows", "Saltmarsh", "Greyhaven", "the Lantern Quay",
        "Orrin's Reach", "the old mill", "Cold Harbour"};

    private final Random random;

    StoryText(long seed) {
        this.random = new Random(seed);
    }

    /** A scene of exactly {@code words} words, with some italic phrases and some variant paragraphs. */
    Prose scene(int words) {
        Prose.Builder b = new Prose.Builder();
        int left = words;
        boolean first = true;
        while (left > 0) {
            int size = Math.min(left, 25 + random.nextInt(110));
            if (left - size < 8) {
                size = left;
            }
            if (!first) {
                b.append("\n");
            }
            first = false;
            paragraph(b, size);
            left -= size;
        }
        return b.build();
    }

    /** Plain sentences of exactly {@code words} words, for sheets, lore and summaries. */
    String sentences(int words) {
        Prose.Builder b = new Prose.Builder();
        int left = words;
        boolean first = true;
        while (left > 0) {
            int n = Math.min(left, 6 + random.nextInt(16));
            if (left - n < 3) {
                n = left;
            }
            if (!first) {
                b.append(" ");
            }
            first = false;
            sentence(b, n, Provenance.WRITER, false);
            left -= n;
        }
        return b.build().text();
    }

    String name() {
        return NAMES[random.nextInt(NAMES.length)];
    }

    String place() {
        return PLACES[random.nextInt(PLACES.length)];
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private void paragraph(Prose.Builder b, int words) {
        Provenance provenance = random.nextInt(10) == 0
                ? Provenance.variant(String.valueOf((char) ('A' + random.nextInt(3))), null)
                : Provenance.WRITER;
        boolean dialogue = random.nextInt(3) == 0;
        if (dialogue) {
            b.append("\u201C", provenance, false, false);
        }
        int left = words;
        boolean first = true;
        while (left > 0) {
            int n = Math.min(left, 5 + random.nextInt(18));
            if (left - n < 3) {
                n = left;
            }
            if (!first) {
                b.append(" ", provenance, false, false);
            }
            first = false;
            sentence(b, n, provenance, true);
            left -= n;
        }
        if (dialogue) {
            b.append("\u201D", provenance, false, false);
        }
    }

    private void sentence(Prose.Builder b, int words, Provenance provenance, boolean emphasis) {
        // an italic phrase in about one sentence in six: a ship's name, a thought, a stressed word
        int italicFrom = emphasis && words >= 4 && random.nextInt(6) == 0 ? random.nextInt(words - 2) : -1;
        int italicLength = italicFrom < 0 ? 0 : 1 + random.nextInt(3);
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = i == 0 ? capitalised(pick()) : pick();
            boolean italic = i >= italicFrom && i < italicFrom + italicLength;
            if (i > 0) {
                plain.append(i == words / 2 && words > 9 && random.nextBoolean() ? ", " : " ");
            }
            if (italic) {
                b.append(plain.toString(), provenance, false, false);
                plain.setLength(0);
                b.append(w, provenance, true, false);
            } else {
                plain.append(w);
            }
        }
        int end = random.nextInt(12);
        plain.append(end == 0 ? "?" : end == 1 ? "!" : ".");
        b.append(plain.toString(), provenance, false, false);
    }

    private String pick() {
        int r = random.nextInt(40);
        if (r == 0) {
            return NAMES[random.nextInt(NAMES.length)];
        }
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capitalised(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** Keywords for a lore entry: a name or place and a couple of words. */
    List<String> keywords() {
        List<String> out = new ArrayList<>();
        out.add(random.nextBoolean() ? name() : place());
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            out.add(word());
        }
        return out;
    }
}
