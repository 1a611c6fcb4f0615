package dev.quire.manuscript;

import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;

/**
 * A story written partly from variants, with a generation whose other variants went unused: A is used
 * (its text is in the scene, marked), B is not (a line marked "B" carries no variant id and is not B's
 * text), C is empty, and a generation for a new scene was never kept. The second scene's text needs
 * escaping and has a control character that XML cannot hold.
 */
final class Provenanced {

    static final String USED = "The tide turned at noon and the boats came home early, one by one.";
    static final String UNUSED = "Rain fell on the harbour all afternoon, and nobody went out at all.";
    static final String UNUSED_NEW_SCENE = "A stranger walked up from the station with a case of samples.";

    private Provenanced() {
    }

    /** Adds the story and returns its id. */
    static long addTo(Studio studio) {
        long id = studio.stories().create(Story.titled("Harbour Days")).id();
        Scene first = studio.scenes().append(Scene.titled(id, "Noon").withProse(Prose.plain("placeholder")));
        Generation g = studio.generations().create(new Generation(0, id, first.id(), null, "scene", "test",
                "model-x", "[]", "{}", null, 3, null, null, null, Generation.Status.COMPLETE, null));
        studio.generations().saveVariant(g.id(), 0, "*" + USED + "*", Variant.Status.COMPLETE, "stop", null);
        studio.generations().saveVariant(g.id(), 1, UNUSED + "\n\nIt was a *quiet* day.", Variant.Status.COMPLETE,
                "stop", null);
        studio.generations().saveVariant(g.id(), 2, "", Variant.Status.FAILED, null, "cut off");
        studio.scenes().saveProse(first.id(), new Prose.Builder()
                .append("She watched from the wall. ")
                .append(USED, Provenance.variant("A", studio.generations().variants(g.id()).get(0).id()), true, false)
                .append("\n")
                .append("Then she went in.")
                .append(" Later, a line from B.", Provenance.variant("B", null), false, false)
                .build());
        studio.scenes().append(Scene.titled(id, "").withProse(Prose.plain("Evening & after <dark>.\u0007")));
        Generation loose = studio.generations().create(new Generation(0, id, null, null, "scene", "test",
                "model-y", "[]", "{}", null, 1, null, null, null, Generation.Status.COMPLETE, null));
        studio.generations().saveVariant(loose.id(), 0, UNUSED_NEW_SCENE, Variant.Status.COMPLETE, "stop", null);
        return id;
    }
}
