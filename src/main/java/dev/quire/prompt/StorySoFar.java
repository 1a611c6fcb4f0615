package dev.quire.prompt;

import dev.quire.model.Chapter;
import dev.quire.model.Scene;
import dev.quire.model.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The earlier scenes as the prompt carries them: pinned scenes and the nearest ones verbatim, then scene summaries
 * nearest first, then chapter summaries for the scenes that no longer fit one by one, so that every earlier scene
 * is there in some form whenever the budget allows. Chosen in that order of importance; rendered in story order.
 */
final class StorySoFar {

    static final String SLOT = "scenes";
    static final String SCENE = "scene";
    static final String SUMMARY = "summary";
    static final String CHAPTER_SUMMARY = "chapter-summary";
    static final String HEADING = "# The story so far";

    /**
     * The nearest scenes may take up to this share of the room left once the frame, the instruction, the canon,
     * the bible, the always-on lore, the characters and the notes are in, and never less than the fixed window
     * they always had ({@link ContextAssembler#RECENT_TOKENS}, or half the budget when that is smaller). Half: a
     * small budget keeps what it had, a 200K one gets about twenty-five times as much, and the other half is left
     * for triggered lore and for carrying the older scenes by summary.
     */
    static final int VERBATIM_PERCENT = 50;

    /** Counts words as a writer does, so that {@link Trim} can keep the end of a scene within a cap on words. */
    private static final TokenCounter WORDS = new TokenCounter() {
        @Override
        public int count(String text) {
            return Words.count(text);
        }

        @Override
        public String name() {
            return "words";
        }
    };

    private final PromptInput in;
    private final Budget budget;
    private final List<Scene> before;
    /** Each earlier scene's chapter, when it is in one whose summary may be used; else null. */
    private final Chapter[] chapterOf;
    /** Earlier scenes whose whole text went in. */
    private final boolean[] whole;
    private final Map<Long, Piece> summaryPieces = new HashMap<>();
    private final Map<Long, Piece> chapterPieces = new HashMap<>();
    /** The earlier scenes not in verbatim, as indices into {@code before}; set by {@link #reserve()}. */
    private List<Integer> older = List.of();
    /** Whether they can all be carried, and the tokens set aside to carry them in their cheapest form. */
    private boolean allCarried;
    private int reserved;

    StorySoFar(PromptInput in, Budget budget, List<Scene> before) {
        this.in = in;
        this.budget = budget;
        this.before = before;
        this.whole = new boolean[before.size()];
        this.chapterOf = chaptersOf(in, before);
    }

    /**
     * The chapter of each earlier scene. A chapter that reaches the scene worked on or beyond is not one the prompt
     * may summarise: its summary would tell the model what happens later.
     */
    private static Chapter[] chaptersOf(PromptInput in, List<Scene> before) {
        Chapter[] of = new Chapter[before.size()];
        if (in.chapters().isEmpty()) {
            return of;
        }
        Map<Long, Chapter> byId = new HashMap<>();
        in.chapters().forEach(c -> byId.put(c.id(), c));
        Set<Long> reachesOn = new HashSet<>();
        for (int i = before.size(); i < in.scenes().size(); i++) {
            Long c = in.sceneChapters().get(in.scenes().get(i).id());
            if (c != null) {
                reachesOn.add(c);
            }
        }
        for (int i = 0; i < before.size(); i++) {
            Long c = in.sceneChapters().get(before.get(i).id());
            of[i] = c == null || reachesOn.contains(c) ? null : byId.get(c);
        }
        return of;
    }

    /**
     * Tier 4: pinned scenes, then the nearest ones verbatim within the window. Beyond a quarter of the nearest
     * scene's window, the scenes verbatim leave room to carry every older scene in its cheapest form, when that is
     * possible at all: a scene going in verbatim rather than by its summary must not cost an older scene its only
     * place in the prompt.
     */
    void verbatim() {
        if (!budget.uses(SLOT)) {
            return;
        }
        int window = window(in.budget(), budget.remaining);
        for (int i = before.size() - 1; i >= 0; i--) {
            Scene s = before.get(i);
            if (isPinned(s)) {
                Piece p = verbatimPiece(s);
                if (p.tokens() <= budget.remaining) {
                    budget.take(p);
                    whole[i] = true;
                }
            }
        }
        int[] floor = floor();
        Integer cap = in.maxVerbatimWords();
        int used = 0;
        int words = 0;
        boolean first = true;
        for (int i = before.size() - 1; i >= 0; i--) {
            Scene s = before.get(i);
            if (isPinned(s) || s.prose().text().isBlank()) {
                continue;
            }
            Piece p = verbatimPiece(s);
            int room;
            if (first) {
                room = nearestRoom(window, floor[i]);
            } else if (summaryPiece(s) == null && chapterPiece(i) == null) {
                room = Math.min(window - used, budget.remaining); // verbatim is its only way in
            } else {
                room = Math.min(window - used, budget.remaining - floor[i]);
            }
            int sceneWords = cap == null ? 0 : s.wordCount(); // counting words costs: only when capped
            boolean fits = p.tokens() <= room && (cap == null || words + sceneWords <= cap);
            if (!fits) {
                if (first) {
                    // its end, leaving room for the scenes before it and for itself by summary besides
                    keepEnd(s, nearestRoom(window, floor[i + 1]), cap);
                }
                return;
            }
            budget.take(p);
            whole[i] = true;
            used += p.tokens();
            words += sceneWords;
            first = false;
        }
    }

    /**
     * The nearest scene's room: its window, less what carrying the older scenes needs ({@code floor}) unless that
     * would leave it less than a quarter of its window, when it matters more than they do.
     */
    private int nearestRoom(int window, int floor) {
        int spare = budget.remaining - floor;
        return Math.min(window, spare >= window / 4 ? spare : budget.remaining);
    }

    /** The tokens the nearest scenes may take verbatim, given the budget and the room left for the story so far. */
    static int window(int budget, int room) {
        int fixed = Math.min(ContextAssembler.RECENT_TOKENS, Math.max(0, budget / 2));
        return Math.max(fixed, (int) ((long) Math.max(0, room) * VERBATIM_PERCENT / 100));
    }

    /** The nearest scene matters most: when it does not fit whole, keep its end rather than lose it. */
    private void keepEnd(Scene s, int tokens, Integer capWords) {
        String head = sceneHeading(s) + " (its end)\n\n[…] ";
        int room = tokens - budget.counter.count(head) - 1;
        String text = s.prose().text().strip();
        if (capWords != null) {
            text = Trim.keepEnd(text, capWords, WORDS);
        }
        String kept = Trim.keepEnd(text, room, budget.counter);
        if (!kept.isEmpty()) {
            Piece trimmed = budget.piece(SLOT, SCENE, s.id(), sceneLabel(s) + " (its end)", s.position(),
                    head + kept);
            if (trimmed.tokens() <= budget.remaining) {
                budget.take(trimmed);
            }
        }
    }

    /**
     * For each earlier scene, the tokens it takes to carry the scenes before it in their cheapest form: by their
     * chapter's summary when there is one, else by their own summary.
     */
    private int[] floor() {
        int[] floor = new int[before.size() + 1];
        Set<Long> chaptersCounted = new HashSet<>();
        for (int i = 0; i < before.size(); i++) {
            int cost = 0;
            Piece chapter = chapterPiece(i);
            if (whole[i]) {
                cost = 0; // carried already
            } else if (chapter != null) {
                cost = chaptersCounted.add(chapterOf[i].id()) ? chapter.tokens() : 0;
            } else {
                Piece summary = summaryPiece(before.get(i));
                cost = summary == null ? 0 : summary.tokens();
            }
            floor[i + 1] = floor[i] + cost;
        }
        return floor;
    }

    /**
     * After the verbatim scenes: when every scene not in verbatim can be carried in its cheapest form (its
     * chapter's summary, else its own), sets that room aside, so that the lore that bears on the scene cannot take
     * it. When they cannot all be carried, nothing is set aside: the lore goes first, as it always did, and the
     * summaries get what it leaves.
     */
    void reserve() {
        if (!budget.uses(SLOT)) {
            return;
        }
        older = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!whole[i]) {
                older.add(i);
            }
        }
        int cheapest = floor()[before.size()];
        allCarried = cheapest <= budget.remaining;
        reserved = allCarried ? cheapest : 0;
        budget.remaining -= reserved;
    }

    /**
     * Tier 6: the scenes not in verbatim, by summary. As many of the nearest as possible by their own summary, the
     * older ones by their chapter's, choosing the split so that every scene is carried when the room allows; when
     * it does not, the cheapest forms nearest first, as many as fit.
     */
    void summaries() {
        if (!budget.uses(SLOT)) {
            return;
        }
        budget.remaining += reserved;
        reserved = 0;
        int split = allCarried ? split(older, budget.remaining) : -1;
        boolean fits = split >= 0;
        Set<Long> chaptersTaken = new HashSet<>();
        for (int j = older.size() - 1; j >= 0; j--) {
            int i = older.get(j);
            Scene s = before.get(i);
            Piece summary = summaryPiece(s);
            Piece chapter = chapterPiece(i);
            boolean own = summary != null && (chapter == null || fits && j >= split);
            if (own) {
                if (fits) {
                    budget.take(summary);
                } else {
                    budget.offer(summary);
                }
            } else if (chapter != null) {
                if (chaptersTaken.add(chapterOf[i].id())) {
                    if (fits) {
                        budget.take(chapter);
                    } else {
                        budget.offer(chapter);
                    }
                }
            } else if (budget.find(SCENE, s.id()) == null) {
                budget.drop(SCENE, s.id(), sceneLabel(s), PromptReport.NO_SUMMARY);
            }
        }
    }

    /**
     * The first of {@code older} (indices into the earlier scenes) from which on every scene goes by its own
     * summary while the ones before it go by their chapter's, the lowest such that all of it fits in
     * {@code room}; -1 when even the cheapest carriage does not fit. Computed from the newest scene back, moving
     * one scene at a time from its chapter's summary to its own, which frees the chapter's summary once none of its
     * scenes needs it.
     */
    private int split(List<Integer> older, int room) {
        Map<Long, Integer> needChapter = new HashMap<>();
        int cost = 0;
        for (int i : older) {
            Piece chapter = chapterPiece(i);
            if (chapter != null) {
                if (needChapter.merge(chapterOf[i].id(), 1, Integer::sum) == 1) {
                    cost += chapter.tokens();
                }
            } else {
                Piece summary = summaryPiece(before.get(i));
                cost += summary == null ? 0 : summary.tokens();
            }
        }
        int best = cost <= room ? older.size() : -1;
        for (int j = older.size() - 1; j >= 0; j--) {
            int i = older.get(j);
            Piece chapter = chapterPiece(i);
            Piece summary = summaryPiece(before.get(i));
            if (chapter != null && summary != null) { // else its form is the same either side of the split
                cost += summary.tokens();
                if (needChapter.merge(chapterOf[i].id(), -1, Integer::sum) == 0) {
                    cost -= chapter.tokens();
                }
            }
            if (cost <= room) {
                best = j;
            }
        }
        return best;
    }

    /** How each earlier scene went in, from the pieces that are in the prompt as sent. */
    Coverage coverage(List<Piece> included) {
        if (!budget.uses(SLOT) || before.isEmpty()) {
            return Coverage.NONE;
        }
        Set<Long> verbatim = new HashSet<>();
        Map<Long, Piece> summaries = new HashMap<>();
        Set<Long> chapters = new HashSet<>();
        for (Piece p : included) {
            switch (p.kind()) {
                case SCENE -> verbatim.add(p.id());
                case SUMMARY -> summaries.put(p.id(), p);
                case CHAPTER_SUMMARY -> chapters.add(p.id());
                default -> { }
            }
        }
        List<Integer> byText = new ArrayList<>();
        List<Integer> bySummary = new ArrayList<>();
        List<Integer> byChapter = new ArrayList<>();
        List<Integer> leftOut = new ArrayList<>();
        TreeSet<Integer> chapterNumbers = new TreeSet<>();
        int stale = 0;
        for (int i = 0; i < before.size(); i++) {
            Scene s = before.get(i);
            int number = s.position() + 1;
            Piece summary = summaries.get(s.id());
            if (verbatim.contains(s.id())) {
                byText.add(number);
            } else if (summary != null) {
                bySummary.add(number);
                stale += summary.stale() ? 1 : 0;
            } else if (chapterOf[i] != null && chapters.contains(chapterOf[i].id())) {
                byChapter.add(number);
                chapterNumbers.add(chapterOf[i].position() + 1);
            } else {
                leftOut.add(number);
            }
        }
        return new Coverage(byText, bySummary, stale, new ArrayList<>(chapterNumbers), byChapter, leftOut);
    }

    private static boolean isPinned(Scene s) {
        return s.pinned() && !s.prose().text().isBlank();
    }

    private Piece verbatimPiece(Scene s) {
        return budget.piece(SLOT, SCENE, s.id(), sceneLabel(s), s.position(), sceneHeading(s) + "\n\n"
                + s.prose().text().strip());
    }

    /** The scene's own summary as it would go in; null when it has none. Counted once. */
    private Piece summaryPiece(Scene s) {
        if (s.summary().isBlank()) {
            return null;
        }
        return summaryPieces.computeIfAbsent(s.id(), id -> budget.piece(SLOT, SUMMARY, s.id(), sceneLabel(s),
                s.position(), sceneHeading(s) + " (summary)\n\n" + s.summary().strip(),
                in.staleSummaries().contains(s.id())));
    }

    /** The chapter summary that may carry the earlier scene at {@code i}; null when there is none. Counted once. */
    private Piece chapterPiece(int i) {
        Chapter c = chapterOf[i];
        if (c == null || c.summary().isBlank()) {
            return null;
        }
        return chapterPieces.computeIfAbsent(c.id(), id -> {
            List<Integer> numbers = new ArrayList<>();
            int first = Integer.MAX_VALUE;
            for (int k = 0; k < before.size(); k++) {
                if (chapterOf[k] != null && chapterOf[k].id() == c.id()) {
                    numbers.add(before.get(k).position() + 1);
                    first = Math.min(first, before.get(k).position());
                }
            }
            String part = c.part().isBlank() ? "" : c.part().strip() + ", ";
            String heading = "## " + part + c.label() + " (summary of " + (numbers.size() == 1 ? "scene " : "scenes ")
                    + Coverage.ranges(numbers) + ")";
            return budget.piece(SLOT, CHAPTER_SUMMARY, c.id(), c.label(), first, heading + "\n\n"
                    + c.summary().strip());
        });
    }

    private static String sceneHeading(Scene s) {
        return "## " + sceneLabel(s);
    }

    static String sceneLabel(Scene s) {
        return "Scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ": " + s.title().strip());
    }
}
