package dev.quire.studio;

import dev.quire.model.Scene;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenes whose stored provenance does not match their text (another tool edited the library, a sync conflict, a
 * bug). They load with their text exactly as stored and the unmatched part of unknown origin; this says so once per
 * scene while the library is open, in the log and to whoever shows it to the writer.
 */
public final class ProvenanceRepairs {

    private static final System.Logger LOG = System.getLogger(ProvenanceRepairs.class.getName());

    private final Studio studio;
    private final Set<Long> said = ConcurrentHashMap.newKeySet();

    ProvenanceRepairs(Studio studio) {
        this.studio = Objects.requireNonNull(studio, "studio");
    }

    /**
     * What to tell the writer about the scene's provenance, the first time it is asked for a scene whose stored
     * provenance does not match its text; empty otherwise, and every time after the first.
     */
    public Optional<String> noticeOnce(long sceneId) {
        Optional<String> problem = studio.scenes().stylesProblem(sceneId);
        if (problem.isEmpty() || !said.add(sceneId)) {
            return Optional.empty();
        }
        String title = studio.scenes().get(sceneId).map(Scene::title).orElse("the scene");
        String notice = "“" + title + "”: its provenance did not match its text (" + problem.get() + "), so it was "
                + "repaired: the text is as stored, the unmatched part marked as of unknown origin.";
        LOG.log(System.Logger.Level.WARNING, "Scene " + sceneId + " " + notice);
        return Optional.of(notice);
    }
}
