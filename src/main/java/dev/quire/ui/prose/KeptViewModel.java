package dev.quire.ui.prose;

import dev.quire.studio.Kept;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;

/**
 * What the writer keeps, by model, for a story or one scene: worked out in the background from the text as the
 * library holds it, again on every {@link #refresh()}.
 */
public final class KeptViewModel {

    private final Studio studio;
    private final Background background;
    private final Long storyId;
    private final Long sceneId;
    private final ReadOnlyObjectWrapper<Kept.Result> result = new ReadOnlyObjectWrapper<>(this, "result");

    private KeptViewModel(Studio studio, Background background, Long storyId, Long sceneId) {
        this.studio = Objects.requireNonNull(studio, "studio");
        this.background = Objects.requireNonNull(background, "background");
        this.storyId = storyId;
        this.sceneId = sceneId;
    }

    /** The whole story's figure. */
    public static KeptViewModel story(Studio studio, Background background, long storyId) {
        return new KeptViewModel(studio, background, storyId, null);
    }

    /** One scene's figure. */
    public static KeptViewModel scene(Studio studio, Background background, long sceneId) {
        return new KeptViewModel(studio, background, null, sceneId);
    }

    /** The latest figure; null until the first has been worked out. */
    public ReadOnlyObjectProperty<Kept.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Works the figure out again from the library. */
    public void refresh() {
        background.read(() -> {
            long story = storyId != null ? storyId
                    : studio.scenes().get(sceneId).map(s -> s.storyId()).orElse(-1L);
            return story < 0 ? null : Kept.of(studio, story, sceneId);
        }).onSuccess(r -> {
            if (r != null) {
                result.set(r);
            }
        }).start();
    }
}
