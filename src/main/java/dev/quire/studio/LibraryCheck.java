package dev.quire.studio;

import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.store.PersistenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The integrity check behind {@code quire check}: SQLite's own, then the story invariants Quire relies on. */
final class LibraryCheck {

    private LibraryCheck() {
    }

    static List<String> run(Studio studio) {
        List<String> problems = new ArrayList<>(studio.database().integrityProblems());
        if (!problems.isEmpty()) {
            return problems;
        }
        for (StorySummary story : studio.stories().list()) {
            List<SceneHeader> headers = studio.scenes().headers(story.id());
            for (int i = 0; i < headers.size(); i++) {
                SceneHeader h = headers.get(i);
                if (h.position() != i) {
                    problems.add("Story \"" + story.title() + "\": scene \"" + h.title() + "\" is at position "
                            + h.position() + " where " + i + " was expected.");
                }
                try {
                    Optional<String> styles = studio.scenes().stylesProblem(h.id());
                    if (styles.isPresent()) {
                        problems.add("Story \"" + story.title() + "\": scene \"" + h.title() + "\" cannot be read as"
                                + " it was saved: " + styles.get() + ". Quire opens it with its text as stored and the"
                                + " unmatched part of unknown origin; 'quire check --repair' keeps it so.");
                        continue;
                    }
                    Scene scene = studio.scenes().get(h.id()).orElseThrow();
                    if (scene.wordCount() != h.words()) {
                        problems.add("Story \"" + story.title() + "\": scene \"" + h.title() + "\" has "
                                + scene.wordCount() + " words but its count says " + h.words() + ".");
                    }
                } catch (PersistenceException | IllegalArgumentException e) {
                    problems.add("Story \"" + story.title() + "\": scene \"" + h.title()
                            + "\" cannot be read: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    static List<String> repair(Studio studio) {
        List<String> repaired = new ArrayList<>();
        if (!studio.database().integrityProblems().isEmpty()) {
            return repaired;
        }
        for (StorySummary story : studio.stories().list()) {
            for (SceneHeader h : studio.scenes().headers(story.id())) {
                studio.scenes().repairProvenance(h.id()).ifPresent(problem -> repaired.add("Story \""
                        + story.title() + "\": scene \"" + h.title() + "\": " + problem + "; the unmatched part is now"
                        + " of unknown origin, and the state before is kept among its revisions."));
            }
        }
        return repaired;
    }
}
