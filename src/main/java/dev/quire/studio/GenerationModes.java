package dev.quire.studio;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.Ollama;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import dev.quire.llm.SystemBlock;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptInput;
import dev.quire.studio.Generator.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What each {@link Mode} needs (a scene, a cursor, a passage, a frame that can carry them) and how a
 * {@link GenerationRequest} becomes a {@link Generator.Prepared} generation: the story, the scene, the frame and the
 * provider resolved, and the prompt built, with nothing sent or recorded.
 */
final class GenerationModes {

    private GenerationModes() {
    }

    // ---- what a request may ask ----

    /**
     * Checks the place a request names for its mode and returns its end: the cursor again when continuing.
     *
     * @throws IllegalArgumentException saying what is missing or out of order
     */
    static Integer checkPlace(Mode mode, Integer scene, Integer anchorStart, Integer anchorEnd) {
        return switch (mode) {
            case CONTINUE -> {
                if (scene == null) {
                    throw new IllegalArgumentException("Continuing from the cursor needs the scene to continue:"
                            + " choose a scene.");
                }
                if (anchorStart == null || anchorStart < 0) {
                    throw new IllegalArgumentException("The cursor is counted in characters from the start of "
                            + "the scene's text, from 0, not " + anchorStart + ".");
                }
                if (anchorEnd != null && !anchorEnd.equals(anchorStart)) {
                    throw new IllegalArgumentException("Continuing goes from one place, the cursor, not from "
                            + anchorStart + " to " + anchorEnd + ": rewrite a passage instead.");
                }
                yield anchorStart;
            }
            case REWRITE -> {
                if (scene == null) {
                    throw new IllegalArgumentException("Rewriting a passage needs the scene it is in: choose a "
                            + "scene.");
                }
                if (anchorStart == null || anchorEnd == null || anchorStart < 0) {
                    throw new IllegalArgumentException("The passage to rewrite runs from a start to an end, "
                            + "counted in characters from the start of the scene's text, from 0.");
                }
                if (anchorEnd <= anchorStart) {
                    throw new IllegalArgumentException("The selection is empty (" + anchorStart + " to "
                            + anchorEnd + "): select the passage to rewrite.");
                }
                yield anchorEnd;
            }
            case SCENE -> {
                if (anchorStart != null || anchorEnd != null) {
                    throw new IllegalArgumentException("A scene is written whole: a cursor or a selection "
                            + "belongs to continuing or rewriting.");
                }
                yield null;
            }
        };
    }

    /** Checks the number of variants and the sampling settings. */
    static void checkSampling(int variants, Integer maxOutputTokens, Double temperature) {
        if (variants < 1 || variants > ChatRequest.MAX_VARIANTS) {
            throw new IllegalArgumentException("Ask for 1 to " + ChatRequest.MAX_VARIANTS + " variants, not "
                    + variants + ".");
        }
        if (maxOutputTokens != null && maxOutputTokens < 1) {
            throw new IllegalArgumentException("The maximum output must be at least 1 token, not "
                    + maxOutputTokens + ".");
        }
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("The temperature must be between 0 and 2, not " + temperature + ".");
        }
    }

    // ---- preparing ----

    /** See {@link Generator#prepare}. */
    static Generator.Prepared prepare(Studio studio, BooleanSupplier ollamaRunning, GenerationRequest request) {
        Optional<String> tuning = studio.providerTuningProblem();
        if (tuning.isPresent()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.BAD_SETTING, tuning.get());
        }
        Story story = studio.stories().get(request.storyId()).orElseThrow(() -> new CannotGenerateException(
                CannotGenerateException.Reason.NO_SUCH_STORY, "There is no story with id " + request.storyId()
                + " in this library."));
        List<Scene> scenes = studio.scenes().all(story.id());
        Scene target = null;
        if (request.scene() != null) {
            if (request.scene() > scenes.size()) {
                throw new CannotGenerateException(CannotGenerateException.Reason.NO_SUCH_SCENE, "“" + story.title()
                        + "” has " + countOf(scenes.size(), "scene") + ", so there is no scene " + request.scene()
                        + ". Choose " + (scenes.isEmpty() ? "none" : "a scene from 1 to " + scenes.size()
                        + ", or none") + " to write a new scene.");
            }
            target = scenes.get(request.scene() - 1);
        }
        String problem = placeProblem(request.mode(), target, request.anchorStart(), request.anchorEnd());
        if (problem != null) {
            throw new CannotGenerateException(CannotGenerateException.Reason.NO_SUCH_SCENE, problem);
        }
        Frame frame = frameFor(studio.prompts(), story.id(), request.mode(), request.frame());

        ProviderSettings providers = studio.providers();
        ProviderProfile profile = resolveProfile(request, story, providers, ollamaRunning);
        boolean stored = providers.profiles().stream().anyMatch(p -> p.name().equals(profile.name()));
        ProviderProfile used = profile;
        ChatProvider provider;
        boolean withheld = false;
        if (request.baseUrl() != null && !profile.withBaseUrl(request.baseUrl()).baseUrl().equals(profile.baseUrl())) {
            used = profile.withBaseUrl(request.baseUrl());
            if (!stored) {
                used = used.withName(profile.kind().displayName());
            }
            requireUsable(used, "The base URL " + request.baseUrl() + " cannot be used for " + profile.name());
            // a stored key belongs to its profile's address: only a key from the environment follows an override
            ApiKey key = providers.keySource(used) == ProviderSettings.KeySource.ENVIRONMENT
                    ? providers.key(used).orElse(ApiKey.none()) : ApiKey.none();
            withheld = !key.isPresent() && providers.keySource(profile) == ProviderSettings.KeySource.STORED;
            provider = Providers.create(used, key, studio.providerTimeouts());
        } else {
            requireUsable(profile, "The provider “" + profile.name() + "” cannot be used as it is set up");
            provider = providers.provider(profile);
        }

        String model = request.model() != null ? request.model() : used.defaultModel();
        AssembledPrompt prompt = studio.prompts().assemble(story, scenes, target, frame, request.instruction(),
                anchor(request.mode(), request.anchorStart(), request.anchorEnd()),
                Prompts.budget(used, request.maxOutputTokens()), Prompts.counter(used, model),
                writerPlays(studio, story, request.writerPlays()));
        ChatRequest.Builder chat = ChatRequest.builder()
                .model(request.model())
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature())
                .seed(request.seed())
                .variants(request.variants());
        for (AssembledPrompt.Block block : prompt.system()) {
            chat.system(new SystemBlock(block.text(), block.cacheBreakpoint()));
        }
        chat.message(ChatMessage.user(prompt.user()));
        prompt.stop().forEach(chat::stop);
        chat.bans(studio.cliches().avoidList(story.id()));
        return new Generator.Prepared(story, target, request, frame, used, provider, chat.build(), prompt, withheld);
    }

    /**
     * The characters named as played by the writer, by id.
     *
     * @throws IllegalArgumentException naming a character the story does not have, and the ones it has
     */
    static Set<Long> writerPlays(Studio studio, Story story, List<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        List<CharacterSheet> characters = studio.characters().list(story.id());
        Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String name : names) {
            CharacterSheet found = null;
            for (CharacterSheet c : characters) {
                boolean named = c.name().strip().equalsIgnoreCase(name);
                for (String alias : c.aliases()) {
                    named |= alias.strip().equalsIgnoreCase(name);
                }
                if (named) {
                    found = c;
                    break;
                }
            }
            if (found == null) {
                List<String> known = new ArrayList<>();
                characters.forEach(c -> known.add(c.name().strip()));
                throw new IllegalArgumentException("“" + story.title() + "” has no character called “" + name + "”"
                        + (known.isEmpty() ? "; it has no characters yet." : ". Its characters are "
                        + String.join(", ", known) + "."));
            }
            ids.add(found.id());
        }
        return ids;
    }

    /** The prompt layer's view of a mode's place in the scene; null for a whole scene. */
    static PromptInput.Anchor anchor(Mode mode, Integer start, Integer end) {
        return switch (mode) {
            case CONTINUE -> PromptInput.Anchor.cursor(start);
            case REWRITE -> PromptInput.Anchor.passage(start, end);
            case SCENE -> null;
        };
    }

    /**
     * What is wrong with a cursor or a selection in {@code scene}, in the writer's words; null when it is a place in
     * the scene's text, or for a whole scene. The request has already checked that they are in order and not
     * negative.
     */
    static String placeProblem(Mode mode, Scene scene, Integer start, Integer end) {
        if (mode == Mode.SCENE) {
            return null;
        }
        if (scene == null) {
            return mode == Mode.CONTINUE ? "Continuing from the cursor needs the scene to continue: choose a scene."
                    : "Rewriting a passage needs the scene it is in: choose a scene.";
        }
        String text = scene.prose().text();
        int length = text.length();
        String which = "Scene " + (scene.position() + 1) + (scene.title().isBlank() ? "" : ", “"
                + scene.title().strip() + "”,") + " has " + countOf(length, "character");
        if (mode == Mode.CONTINUE) {
            if (start > length) {
                return which + ", so there is no place " + start + " in it to continue from. Put the cursor "
                        + "within its text, from 0 to " + length + ".";
            }
            if (splitsACharacter(text, start)) {
                return "The cursor at " + start + " falls inside a character of scene " + (scene.position() + 1)
                        + ": move it one place.";
            }
            return null;
        }
        if (end > length) {
            return which + ", so the selection from " + start + " to " + end + " runs past its end. Select a "
                    + "passage within its text, from 0 to " + length + ".";
        }
        if (splitsACharacter(text, start) || splitsACharacter(text, end)) {
            return "The selection from " + start + " to " + end + " cuts a character of scene "
                    + (scene.position() + 1) + " in two: widen it by one place.";
        }
        return null;
    }

    /** Whether {@code at} falls between the two halves of a character outside the Basic Multilingual Plane. */
    private static boolean splitsACharacter(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }

    /**
     * The frame asked for, else the mode's own; refused when it cannot carry the request.
     *
     * @throws IllegalArgumentException naming the frames there are, or the slot the frame lacks
     */
    static Frame frameFor(Prompts prompts, long storyId, Mode mode, String keyOrName) {
        Frame frame = prompts.frame(storyId, keyOrName != null ? keyOrName : mode.defaultFrame());
        Set<String> slots = frame.slots();
        if (mode == Mode.REWRITE && !slots.contains("passage")) {
            throw new IllegalArgumentException("The frame “" + frame.name() + "” has no {{passage}} slot, so the "
                    + "passage to rewrite would not be sent. Choose a rewrite frame, or add {{passage}} to it.");
        }
        if (mode == Mode.CONTINUE && !slots.contains("scene_text")) {
            throw new IllegalArgumentException("The frame “" + frame.name() + "” has no {{scene_text}} slot, so the "
                    + "text to continue from would not be sent. Choose a continue frame, or add {{scene_text}} to "
                    + "it.");
        }
        return frame;
    }

    // ---- the provider ----

    private static ProviderProfile resolveProfile(GenerationRequest request, Story story, ProviderSettings providers,
                                                  BooleanSupplier ollamaRunning) {
        if (request.provider() != null) {
            return providers.find(request.provider()).orElseThrow(() -> {
                List<String> names = new ArrayList<>();
                providers.profiles().forEach(p -> names.add(p.name()));
                return new CannotGenerateException(CannotGenerateException.Reason.UNKNOWN_PROVIDER,
                        "There is no provider named “" + request.provider() + "”. "
                                + (names.isEmpty() ? "No profiles are stored yet" : "The stored profiles are "
                                + String.join(", ", names)) + "; a provider kind (anthropic, openai, "
                                + "openai-compatible, ollama) can also be named.");
            });
        }
        Optional<ProviderProfile> chosen = providers.profileFor(story.id());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        Optional<String> storyChoice = providers.storyProfileName(story.id());
        Optional<String> dangling = storyChoice.or(providers::defaultProfileName);
        if (dangling.isPresent()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.UNUSABLE_PROVIDER,
                    "The provider “" + dangling.get() + "”, " + (storyChoice.isPresent() ? "chosen for “" + story.title()
                            + "”" : "the library's default") + ", is no longer set up. Choose another one, or add "
                            + "it again.");
        }
        boolean ollama = ollamaRunning.getAsBoolean();
        throw new CannotGenerateException(CannotGenerateException.Reason.NO_PROVIDER,
                "No provider is set up for “" + story.title() + "”. Add one (Anthropic, OpenAI, an OpenAI-compatible"
                        + " server, or Ollama) on the Providers page or with `quire provider add`, and make it the"
                        + " default."
                        + (ollama ? " Ollama is running on this computer at " + Ollama.DEFAULT_BASE_URL
                        + ": choose it to generate locally, with no key." : ""),
                ollama);
    }

    private static void requireUsable(ProviderProfile profile, String what) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new CannotGenerateException(CannotGenerateException.Reason.UNUSABLE_PROVIDER,
                    what + ": " + String.join(" ", problems));
        }
    }

    private static String countOf(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
