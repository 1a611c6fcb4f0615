package dev.quire.stitch;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How much of a composition came from each source, for its composition bar: "38% yours · 40% B · 22% C". */
public final class Shares {

    /**
     * One source's part. Sources are told apart by label (variants) or as the writer.
     *
     * @param characters its non-whitespace characters
     * @param percent    whole percents; over all shares they add up to 100 (largest remainder)
     */
    public record Share(Provenance source, int characters, int percent) {
    }

    /** Labels in the order the columns show them: "A" … "Z", then "AA". */
    private static final Comparator<String> BY_LABEL =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private Shares() {
    }

    /**
     * The writer first, then variants by label; sources with no characters are left out. A variant source is
     * given by the first of its spans in the text, so when two generations both had a "B", the share carries
     * the id of the B that comes first.
     */
    public static List<Share> of(Prose prose) {
        Map<String, Provenance> sources = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String text = prose.text();
        int pos = 0;
        for (Span span : prose.spans()) {
            int characters = nonWhitespace(text, pos, pos + span.length());
            pos += span.length();
            if (characters == 0) {
                continue;
            }
            Provenance source = span.provenance();
            // the writer's label is "yours", which no variant has, but keep the two apart regardless
            String key = source.isWriter() ? "" : source.isUnknown() ? "\u0001" + source.label() : "\u0000" + source.label();
            sources.putIfAbsent(key, source.isWriter() ? Provenance.WRITER : source.isUnknown() ? Provenance.UNKNOWN : source);
            counts.merge(key, characters, Integer::sum);
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort(Comparator.comparing((String k) -> !k.isEmpty())
                .thenComparing((String k) -> k.isEmpty() ? "" : k.substring(1), BY_LABEL));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int[] percents = largestRemainder(keys.stream().mapToInt(counts::get).toArray(), total);
        List<Share> shares = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            shares.add(new Share(sources.get(keys.get(i)), counts.get(keys.get(i)), percents[i]));
        }
        return List.copyOf(shares);
    }

    /** "38% yours · 40% B · 22% C", or "" for an empty composition. */
    public static String describe(List<Share> shares) {
        return shares.stream()
                .map(s -> s.percent() + "% " + (s.source().isWriter() ? "yours" : s.source().label()))
                .collect(Collectors.joining(" · "));
    }

    /** Whole percents of {@code total} that add up to 100; ties in remainder go to the earlier share. */
    private static int[] largestRemainder(int[] counts, int total) {
        int[] percents = new int[counts.length];
        if (total == 0) {
            return percents;
        }
        long[] remainders = new long[counts.length];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            long scaled = 100L * counts[i];
            percents[i] = (int) (scaled / total);
            remainders[i] = scaled % total;
            given += percents[i];
        }
        for (int left = 100 - given; left > 0; left--) {
            int most = 0;
            for (int i = 1; i < counts.length; i++) {
                if (remainders[i] > remainders[most]) {
                    most = i;
                }
            }
            percents[most]++;
            remainders[most] = -1;
        }
        return percents;
    }

    /** The characters a share counts from {@code from} to {@code to}: code points that are not white space. */
    public static int nonWhitespace(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            if (!Alignment.isSpace(c)) {
                n++;
            }
            i += Character.charCount(c);
        }
        return n;
    }
}
