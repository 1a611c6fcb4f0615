package dev.quire.studio.manuscript;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did to the file beyond copying its text: changes accepted, boxes read, notes kept, pictures left
 * out. Nothing is changed silently, so the command line and the import preview both show it.
 *
 * @param counts how many times each thing was done (only the ones that happened)
 * @param warnings what the writer should check, in sentences
 */
public record ImportReport(Map<Item, Integer> counts, List<String> warnings) {

    /** The things an import may do, each with its phrase for one and for many. */
    public enum Item {
        TRACKED_CHANGES("trackedChangesAccepted", "tracked change accepted", "tracked changes accepted"),
        MOVES("movesAccepted", "tracked move accepted", "tracked moves accepted"),
        FORMAT_CHANGES("formatChangesAccepted", "tracked formatting change accepted",
                "tracked formatting changes accepted"),
        CONTENT_CONTROLS("contentControlsRead", "content control read", "content controls read"),
        TEXT_BOXES("textBoxesRead", "text box read", "text boxes read"),
        FOOTNOTES("footnotesKeptAsNotes", "footnote kept as a note", "footnotes kept as notes"),
        ENDNOTES("endnotesKeptAsNotes", "endnote kept as a note", "endnotes kept as notes"),
        DROP_CAPS("dropCapsJoined", "drop cap joined", "drop caps joined"),
        RULES("rulesAsSceneBreaks", "horizontal rule taken as a scene break", "horizontal rules taken as scene breaks"),
        PAGE_BREAKS("pageBreaksAsSceneBreaks", "page break taken as a scene break", "page breaks taken as scene breaks"),
        FRONT_MATTER("frontMatterLeftOut", "title-page line (author, date, abstract) left out of the prose",
                "title-page lines (author, date, abstract) left out of the prose"),
        COMMENTS("commentsLeftOut", "comment left out", "comments left out"),
        HIDDEN("hiddenTextLeftOut", "piece of hidden text left out", "pieces of hidden text left out"),
        IMAGES("imagesLeftOut", "image left out", "images left out"),
        OBJECTS("objectsLeftOut", "chart or embedded object left out", "charts or embedded objects left out");

        private final String key;
        private final String one;
        private final String many;

        Item(String key, String one, String many) {
            this.key = key;
            this.one = one;
            this.many = many;
        }

        /** The name in {@code quire import --json}. */
        public String key() {
            return key;
        }

        String phrase(int n) {
            return n + " " + (n == 1 ? one : many);
        }
    }

    public static final ImportReport NOTHING = new ImportReport(Map.of(), List.of());

    public ImportReport {
        Map<Item, Integer> kept = new EnumMap<>(Item.class);
        counts.forEach((k, v) -> {
            if (v != null && v > 0) {
                kept.put(k, v);
            }
        });
        counts = Map.copyOf(kept);
        warnings = List.copyOf(warnings);
    }

    public int count(Item item) {
        return counts.getOrDefault(item, 0);
    }

    public boolean isEmpty() {
        return counts.isEmpty() && warnings.isEmpty();
    }

    /** One phrase per thing done, in a fixed order: "2 tracked changes accepted", "1 text box read". */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Item item : Item.values()) {
            if (count(item) > 0) {
                out.add(item.phrase(count(item)));
            }
        }
        return out;
    }

    /** "2 tracked changes accepted, 1 text box read, 3 footnotes kept as notes, 1 image left out", or "". */
    public String summary() {
        return String.join(", ", lines());
    }

    /** Counts an import adds to as it reads. */
    static final class Tally {
        private final Map<Item, Integer> counts = new EnumMap<>(Item.class);
        private final List<String> warnings = new ArrayList<>();

        void add(Item item) {
            add(item, 1);
        }

        void add(Item item, int n) {
            counts.merge(item, n, Integer::sum);
        }

        int count(Item item) {
            return counts.getOrDefault(item, 0);
        }

        void warn(String sentence) {
            if (!warnings.contains(sentence)) {
                warnings.add(sentence);
            }
        }

        ImportReport report() {
            return new ImportReport(counts, warnings);
        }
    }
}
