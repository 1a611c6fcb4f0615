package dev.quire.studio;

import dev.quire.llm.ChatRequest;
import dev.quire.studio.Generator.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the writer asks for, checked as it is made: the story, the scene and the place in it, the instruction, the
 * provider and sampling options, the frame and the {@link Mode mode}. {@link Generator#prepare} resolves it.
 *
 * @param storyId         the story
 * @param scene           the scene's position in story order, from 1; null for a new scene after the last
 *                        (only in {@link Mode#SCENE})
 * @param instruction     what to write; may be empty when continuing
 * @param provider        a profile name or a provider kind ({@code anthropic}, {@code openai},
 *                        {@code openai-compatible}, {@code ollama}); null for the story's provider
 * @param model           null for the profile's default model
 * @param baseUrl         null for the profile's address; another address is used with a key from the
 *                        environment only: a stored key goes to its own profile's address and nowhere else
 * @param variants        1 to {@value ChatRequest#MAX_VARIANTS}
 * @param maxOutputTokens null for the profile's
 * @param temperature     null for the provider's default; 0 to 2
 * @param seed            null for none
 * @param frame           a frame's key or name, the writer's own included ({@link Prompts#frame}); null for
 *                        the mode's {@link Mode#defaultFrame() default}
 * @param mode            null for {@link Mode#SCENE}
 * @param anchorStart     the cursor ({@link Mode#CONTINUE}) or the passage's start ({@link Mode#REWRITE}) in
 *                        the scene's text; null for a scene
 * @param anchorEnd       the passage's end, after {@code anchorStart}; the cursor again when continuing (null
 *                        there means the same); null for a scene
 * @param writerPlays     characters the writer plays in this request (names or aliases), beside those whose
 *                        sheets say so: the model leaves them to the writer and stops where one would act or
 *                        speak next (co-writing turns)
 */
public record GenerationRequest(long storyId, Integer scene, String instruction, String provider, String model,
                                String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed,
                                String frame, Mode mode, Integer anchorStart, Integer anchorEnd,
                                List<String> writerPlays) {

    public GenerationRequest {
        mode = mode == null ? Mode.SCENE : mode;
        instruction = instruction == null && mode == Mode.CONTINUE ? "" : instruction;
        Objects.requireNonNull(instruction, "instruction");
        provider = blankToNull(provider);
        model = blankToNull(model);
        baseUrl = blankToNull(baseUrl);
        frame = blankToNull(frame);
        List<String> names = new ArrayList<>();
        for (String n : writerPlays == null ? List.<String>of() : writerPlays) {
            if (n != null && !n.isBlank()) {
                names.add(n.strip());
            }
        }
        writerPlays = List.copyOf(names);
        if (instruction.isBlank() && mode != Mode.CONTINUE) {
            throw new IllegalArgumentException(mode == Mode.REWRITE
                    ? "The instruction is empty: say how the passage should be rewritten."
                    : "The instruction is empty: say what the scene should do.");
        }
        if (scene != null && scene < 1) {
            throw new IllegalArgumentException("Scenes are counted from 1, not " + scene + ".");
        }
        anchorEnd = GenerationModes.checkPlace(mode, scene, anchorStart, anchorEnd);
        GenerationModes.checkSampling(variants, maxOutputTokens, temperature);
    }

    /** With no character played by the writer beyond those whose sheets say so. */
    public GenerationRequest(long storyId, Integer scene, String instruction, String provider, String model,
                             String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed,
                             String frame, Mode mode, Integer anchorStart, Integer anchorEnd) {
        this(storyId, scene, instruction, provider, model, baseUrl, variants, maxOutputTokens, temperature, seed,
                frame, mode, anchorStart, anchorEnd, List.of());
    }

    /** As before modes and frames: a {@link Mode#SCENE} with the default frame. */
    public GenerationRequest(long storyId, Integer scene, String instruction, String provider, String model,
                             String baseUrl, int variants, Integer maxOutputTokens, Double temperature, Long seed) {
        this(storyId, scene, instruction, provider, model, baseUrl, variants, maxOutputTokens, temperature, seed,
                null, Mode.SCENE, null, null);
    }

    public static Builder builder(long storyId, String instruction) {
        return new Builder(storyId, instruction);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Mutable helper; unset options keep the story's provider and the profile's defaults. */
    public static final class Builder {
        private final long storyId;
        private final String instruction;
        private Integer scene;
        private String provider;
        private String model;
        private String baseUrl;
        private int variants = 1;
        private Integer maxOutputTokens;
        private Double temperature;
        private Long seed;
        private String frame;
        private Mode mode = Mode.SCENE;
        private Integer anchorStart;
        private Integer anchorEnd;
        private final List<String> writerPlays = new ArrayList<>();

        private Builder(long storyId, String instruction) {
            this.storyId = storyId;
            this.instruction = instruction;
        }

        /** The scene's position in story order, from 1; null (the default) for a new scene. */
        public Builder scene(Integer position) {
            scene = position;
            return this;
        }

        public Builder provider(String nameOrKind) {
            provider = nameOrKind;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        public Builder variants(int value) {
            variants = value;
            return this;
        }

        public Builder maxOutputTokens(Integer value) {
            maxOutputTokens = value;
            return this;
        }

        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        /** A frame's key or name, the writer's own included; null (the default) for the mode's own frame. */
        public Builder frame(String keyOrName) {
            frame = keyOrName;
            return this;
        }

        /** Continue the scene from the cursor, a character offset into its text; needs {@link #scene}. */
        public Builder continueAt(int cursor) {
            mode = Mode.CONTINUE;
            anchorStart = cursor;
            anchorEnd = cursor;
            return this;
        }

        /**
         * Rewrite the passage from {@code start} to {@code end} (exclusive) of the scene's text; needs
         * {@link #scene}.
         */
        public Builder rewrite(int start, int end) {
            mode = Mode.REWRITE;
            anchorStart = start;
            anchorEnd = end;
            return this;
        }

        /** The writer plays this character (a name or alias) in this request; may be given more than once. */
        public Builder writerPlays(String name) {
            writerPlays.add(name);
            return this;
        }

        /** Write a scene (the default), forgetting any cursor or selection. */
        public Builder wholeScene() {
            mode = Mode.SCENE;
            anchorStart = null;
            anchorEnd = null;
            return this;
        }

        /** @throws IllegalArgumentException when the options do not go together, saying which */
        public GenerationRequest build() {
            return new GenerationRequest(storyId, scene, instruction, provider, model, baseUrl, variants,
                    maxOutputTokens, temperature, seed, frame, mode, anchorStart, anchorEnd, writerPlays);
        }
    }
}
