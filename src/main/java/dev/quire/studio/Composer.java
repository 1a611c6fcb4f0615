package dev.quire.studio;

import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Variant;

import java.util.List;
import java.util.Objects;

/**
 * A composition built without the pane, from passages of one generation's variants and the writer's own words, with
 * the provenance the pane gives them: each passage is its variant's, labelled by its letter and carrying its id
 * (paragraph breaks inside it stay the writer's, as the editor keeps them); typed words are the writer's.
 */
public final class Composer {

    /** One piece of a composition, in order: a passage of a variant, or the writer's words. */
    public sealed interface Piece permits Take, Write {
    }

    /** The characters {@code start} (inclusive) to {@code end} (exclusive) of the variant labelled {@code label}. */
    public record Take(String label, int start, int end) implements Piece {
    }

    /** The writer's own words. */
    public record Write(String text) implements Piece {
    }

    private Composer() {
    }

    /**
     * The composition of {@code pieces} from the variants of {@code generationId}, which must be a generation of
     * {@code storyId}.
     *
     * @throws IllegalArgumentException saying which piece is wrong: an unknown generation or label, an offset outside
     *                                  the variant's text, an empty composition
     */
    public static Prose compose(Studio studio, long storyId, long generationId, List<Piece> pieces) {
        Objects.requireNonNull(pieces, "pieces");
        Generation g = studio.generations().get(generationId)
                .filter(found -> found.storyId() == storyId && found.conversationId() == null)
                .orElseThrow(() -> new IllegalArgumentException("There is no generation " + generationId
                        + " in this story. 'quire show-scene --json' lists a scene's generations."));
        List<Variant> variants = studio.generations().variants(g.id());
        Prose composed = Prose.EMPTY;
        for (Piece piece : pieces) {
            Prose part;
            if (piece instanceof Write w) {
                part = Prose.plain(w.text().replace("\r\n", "\n").replace('\r', '\n'));
            } else {
                Take t = (Take) piece;
                Variant v = variants.stream().filter(x -> x.label().equalsIgnoreCase(t.label())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Generation " + g.id() + " has no variant "
                                + t.label() + "; it has " + labels(variants) + "."));
                int length = v.text().length();
                if (t.start() < 0 || t.end() > length || t.start() >= t.end()) {
                    throw new IllegalArgumentException("Variant " + v.label() + " of generation " + g.id() + " is "
                            + length + " characters long, so " + t.start() + "-" + t.end() + " is not a passage of"
                            + " it: give START-END with 0 <= START < END <= " + length + ".");
                }
                part = Prose.from(v.text().substring(t.start(), t.end()), Provenance.variant(v.label(), v.id()));
            }
            composed = composed.replace(composed.text().length(), composed.text().length(), part);
        }
        if (composed.isEmpty()) {
            throw new IllegalArgumentException("The composition is empty: give at least one --take or --write.");
        }
        return composed;
    }

    private static String labels(List<Variant> variants) {
        if (variants.isEmpty()) {
            return "none";
        }
        return String.join(", ", variants.stream().map(Variant::label).toList());
    }
}
