package dev.quire.ui.stitch;

import dev.quire.llm.ProviderProfile;
import dev.quire.stitch.Alignment;
import dev.quire.studio.Prompts;
import dev.quire.studio.Stitching;
import dev.quire.studio.Studio;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stitching pane reads from the library when it opens, off the FX thread: the stored columns and
 * composition with the columns' alignment, the story's frames, the provider profiles, and whether the generate
 * panel shows its options.
 */
record StoredPane(Stitching.Pane pane, List<Prompts.FrameInfo> frames, Providers providers,
                  List<List<Alignment.Mark>> marks, boolean optionsShown) {

    /** The provider profiles' names, and the one the story uses (null for none). */
    record Providers(List<String> names, String storyProvider) {

        static Providers read(Studio studio, long story) {
            List<String> names = new ArrayList<>();
            for (ProviderProfile p : studio.providers().profiles()) {
                names.add(p.name());
            }
            return new Providers(names, studio.providers().profileFor(story).map(ProviderProfile::name)
                    .orElse(null));
        }
    }

    static StoredPane read(Studio studio, long sceneId, long story) {
        Stitching.Pane pane = studio.stitching().pane(sceneId);
        Providers providers = Providers.read(studio, story);
        List<String> texts = new ArrayList<>();
        pane.columns().forEach(c -> texts.add(c.variant().text()));
        return new StoredPane(pane, studio.prompts().frames(story), providers,
                texts.isEmpty() ? List.of() : Alignment.of(texts),
                // folded away until the writer asks for them: at 1280×800 the composition needs the height
                "true".equals(studio.settings().get(StitchViewModel.OPTIONS_SHOWN).orElse("false")));
    }
}
