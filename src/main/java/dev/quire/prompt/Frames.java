package dev.quire.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in frames, shipped as resources ({@code dev/quire/prompt/frames/KEY.txt}); they never change. */
public final class Frames {

    /** The frame generation uses unless told otherwise. */
    public static final String SCENE = "scene";

    private static final String[][] BUILT_IN = {
            {"co-writer", "Brainstorm as co-writer", "co-writer"},
            {"analyst", "Analyse characters' psychology", "analyst"},
            {"scene", "Write a scene", "scene"},
            {"continue", "Continue the scene", "continue"},
            {"rewrite", "Rewrite a passage", "rewrite"},
            {"critique", "Critique the scene", "critique"},
            {"summary", "Summarise the scene", "summary"},
    };

    private static final List<Frame> FRAMES = load();

    private Frames() {
    }

    /** Every built-in frame, in the order a menu shows them. */
    public static List<Frame> builtIn() {
        return FRAMES;
    }

    /** The built-in frame with this key. */
    public static Optional<Frame> builtIn(String key) {
        for (Frame f : FRAMES) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static List<Frame> load() {
        List<Frame> out = new ArrayList<>();
        for (String[] f : BUILT_IN) {
            String resource = "frames/" + f[0] + ".txt";
            try (InputStream in = Frames.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in frame " + resource + " is missing from this build");
                }
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                out.add(new Frame(f[0], 0, f[1], f[2], template, true, null));
            } catch (IOException e) {
                throw new UncheckedIOException("the built-in frame " + resource + " cannot be read", e);
            }
        }
        return List.copyOf(out);
    }
}
