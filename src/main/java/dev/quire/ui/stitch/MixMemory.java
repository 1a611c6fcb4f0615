package dev.quire.ui.stitch;

import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.StringProperty;

/** The last mix, remembered per story, and blind mode, remembered for the library, in its settings. */
final class MixMemory {

    static final String BLIND = "generate.mix.blind";

    private MixMemory() {
    }

    static String key(long storyId) {
        return "story." + storyId + ".generate.mix";
    }

    /** Reads the story's last mix and blind mode into {@code mix}; blind mode is saved whenever it changes. */
    static void restore(Studio studio, Background background, long storyId, MixOptions mix, StringProperty problem) {
        background.read(() -> new String[] {studio.settings().get(key(storyId)).orElse(null),
                studio.settings().get(BLIND).orElse("false")}).onSuccess(kept -> {
            mix.decode(kept[0]);
            mix.blindProperty().set("true".equals(kept[1]));
            mix.blindProperty().addListener((o, was, now) -> background.write(() -> {
                studio.settings().put(BLIND, String.valueOf(now));
                return null;
            }).onError(e -> problem.set(e.getMessage())).start());
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /** Keeps the mix as it was asked, for the story's next time. */
    static void keep(Studio studio, Background background, long storyId, MixOptions mix, StringProperty problem) {
        String encoded = mix.encode();
        background.write(() -> {
            studio.settings().put(key(storyId), encoded);
            return null;
        }).onError(e -> problem.set(e.getMessage())).start();
    }
}
