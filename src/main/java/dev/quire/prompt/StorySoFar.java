package dev.quire.prompt;

import dev.quire.model.Scene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The earlier scenes as the prompt carries them: the nearest verbatim, older ones by summary. */
final class StorySoFar {

    static final String SLOT = "scenes";
    static final String SCENE = "scene";
    static final String SUMMARY = "summary";
    static final String CHAPTER_SUMMARY = "chapter-summary";
    static final String HEADING = "# The story so far";

    private final PromptInput in;
    private final Budget budget;
    private final List<Scene> before;
    private final List<Scene> bySummary = new ArrayList<>();

    StorySoFar(PromptInput in, Budget budget, List<Scene> before) {
        this.in = in;
        this.budget = budget;
        this.before = before;
    }

    /** Pinned scenes, then the nearest ones verbatim. */
    void verbatim() {
        if (!budget.uses(SLOT)) {
            return;
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            Scene s = before.get(i);
            if (s.pinned() && !s.prose().text().isBlank()) {
                Piece p = budget.piece(SLOT, SCENE, s.id(), sceneLabel(s), s.position(), verbatim(s));
                if (p.tokens() <= budget.remaining) {
                    budget.take(p);
                } else {
                    bySummary.add(s);
                }
            }
        }
        int window = Math.min(ContextAssembler.RECENT_TOKENS, Math.max(0, in.budget() / 2));
        int used = 0;
        boolean closed = false;
        boolean first = true;
        for (int i = before.size() - 1; i >= 0; i--) {
            Scene s = before.get(i);
            if (s.pinned() && !s.prose().text().isBlank()) {
                continue;
            }
            if (closed || s.prose().text().isBlank()) {
                bySummary.add(s);
                continue;
            }
            Piece p = budget.piece(SLOT, SCENE, s.id(), sceneLabel(s), s.position(), verbatim(s));
            if (used + p.tokens() <= window && p.tokens() <= budget.remaining) {
                budget.take(p);
                used += p.tokens();
            } else {
                closed = true;
                if (first) {
                    // the nearest scene matters most: keep its end rather than lose it
                    String head = sceneHeading(s) + " (its end)\n\n[…] ";
                    int room = Math.min(window, budget.remaining) - budget.counter.count(head) - 1;
                    String kept = Trim.keepEnd(s.prose().text().strip(), room, budget.counter);
                    if (!kept.isEmpty()) {
                        Piece trimmed = budget.piece(SLOT, SCENE, s.id(), sceneLabel(s) + " (its end)",
                                s.position(), head + kept);
                        if (trimmed.tokens() <= budget.remaining) {
                            budget.take(trimmed);
                        }
                    }
                }
                bySummary.add(s);
            }
            first = false;
        }
    }

    /** The summaries of the scenes not in verbatim, nearest first. */
    void summaries() {
        bySummary.sort(Comparator.comparingInt(Scene::position).reversed());
        for (Scene s : bySummary) {
            if (s.summary().isBlank()) {
                if (!isIncluded(s.id())) {
                    budget.drop(SCENE, s.id(), sceneLabel(s), PromptReport.NO_SUMMARY);
                }
                continue;
            }
            Piece in = firstOf(s.id());
            if (in != null && !in.label().endsWith("(its end)")) {
                continue;
            }
            budget.offer(SLOT, SUMMARY, s.id(), sceneLabel(s), s.position(),
                    sceneHeading(s) + " (summary)\n\n" + s.summary().strip());
        }
    }

    private boolean isIncluded(long sceneId) {
        return firstOf(sceneId) != null;
    }

    private Piece firstOf(long sceneId) {
        for (Piece p : budget.included) {
            if (p.id() == sceneId && (p.kind().equals(SCENE) || p.kind().equals(SUMMARY))) {
                return p;
            }
        }
        return null;
    }

    private static String verbatim(Scene s) {
        return sceneHeading(s) + "\n\n" + s.prose().text().strip();
    }

    private static String sceneHeading(Scene s) {
        return "## " + sceneLabel(s);
    }

    static String sceneLabel(Scene s) {
        return "Scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ": " + s.title().strip());
    }
}
