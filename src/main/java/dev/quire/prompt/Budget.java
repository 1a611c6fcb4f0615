package dev.quire.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bookkeeping of one assembly: the tokens left, the pieces taken (in the order they were taken, which is their
 * order of importance) and what was left out with the reason.
 */
final class Budget {

    final TokenCounter counter;
    private final Set<String> slotsUsed;
    final List<Piece> included = new ArrayList<>();
    final List<PromptReport.Dropped> dropped = new ArrayList<>();
    int remaining;

    Budget(TokenCounter counter, Set<String> slotsUsed) {
        this.counter = counter;
        this.slotsUsed = Set.copyOf(slotsUsed);
    }

    /** Whether the frame has the slot: a piece for a slot it lacks is never sent. */
    boolean uses(String slot) {
        return slotsUsed.contains(slot);
    }

    /** A piece costed on its own, one token more for the blank line that separates it from the one before. */
    Piece piece(String slot, String kind, long id, String label, int order, String text) {
        return piece(slot, kind, id, label, order, text, false);
    }

    Piece piece(String slot, String kind, long id, String label, int order, String text, boolean stale) {
        return new Piece(slot, kind, id, label, order, text, counter.count(text) + 1, stale);
    }

    /** Takes the piece if it fits in what is left, else reports it over budget. */
    void offer(String slot, String kind, long id, String label, int order, String text) {
        if (!uses(slot)) {
            return;
        }
        offer(piece(slot, kind, id, label, order, text));
    }

    /** Takes the piece if it fits, else reports it over budget; whether it went in. */
    boolean offer(Piece p) {
        if (p.tokens() <= remaining) {
            take(p);
            return true;
        }
        drop(p.kind(), p.id(), p.label(), PromptReport.OVER_BUDGET);
        return false;
    }

    void take(Piece p) {
        included.add(p);
        remaining -= p.tokens();
    }

    void drop(String kind, long id, String label, String reason) {
        dropped.add(new PromptReport.Dropped(kind, id, label, reason));
    }

    /** The piece of this kind for this id that went in, or null. */
    Piece find(String kind, long id) {
        for (Piece p : included) {
            if (p.id() == id && p.kind().equals(kind)) {
                return p;
            }
        }
        return null;
    }

    /** Gives back the piece taken last, the least important, reporting it over budget. */
    Piece dropLast() {
        Piece last = included.remove(included.size() - 1);
        remaining += last.tokens();
        drop(last.kind(), last.id(), last.label(), PromptReport.OVER_BUDGET);
        return last;
    }
}
