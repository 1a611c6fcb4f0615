package dev.quire.studio;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.ContextAssembler;
import dev.quire.prompt.Frame;
import dev.quire.prompt.Frames;
import dev.quire.prompt.PromptInput;
import dev.quire.prompt.PromptReport;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.prompt.TokenCounter;
import dev.quire.store.FrameRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prompt builder as the studio offers it: which frames a story can use, what a request would send (the
 * preview and context meter), and the writer's own frames. Obtained from {@link Studio#prompts()}.
 */
public final class Prompts {

    /** The budget when the story has no provider yet: an 8K context less 1K for the reply. */
    public static final int DEFAULT_BUDGET = 8192 - 1024;

    private static final Pattern OPENAI_MODEL = Pattern.compile("(gpt-|chatgpt|o[1-9]\\b|o[1-9]-).*");

    /**
     * A frame as a menu lists it.
     *
     * @param key     what to pass as {@code frameKey}: a built-in's key ({@code scene}) or {@code frame-ID}
     * @param kind    the kind of request it is for: co-writer, analyst, scene, continue, rewrite, critique, summary
     * @param builtIn whether it ships with Quire (and cannot be edited, only duplicated)
     */
    public record FrameInfo(String key, String name, String kind, boolean builtIn) {
    }

    /**
     * Whom a request would ask and who plays whom: what a preview needs to budget and count a prompt as the
     * generation will, and to carry its co-writing turns.
     *
     * @param provider    a profile name or a provider kind; null for the story's provider (an unknown one counts as
     *                    none: the default budget and the estimate)
     * @param model       null for the profile's default model
     * @param writerPlays characters the writer plays (names or aliases), beside those whose sheets say so
     */
    public record Asking(String provider, String model, List<String> writerPlays) {
        /** The story's provider and its default model; the writer plays whom the sheets say. */
        public static final Asking STORY = new Asking(null, null, List.of());

        public Asking {
            provider = provider == null || provider.isBlank() ? null : provider.strip();
            model = model == null || model.isBlank() ? null : model.strip();
            writerPlays = List.copyOf(writerPlays == null ? List.of() : writerPlays);
        }
    }

    private final Studio studio;

    Prompts(Studio studio) {
        this.studio = studio;
    }

    // ---- frames ----

    /** The built-in frames, then the writer's own (the story's and the library-wide ones). */
    public List<FrameInfo> frames(long storyId) {
        List<FrameInfo> out = new ArrayList<>();
        for (Frame f : Frames.builtIn()) {
            out.add(new FrameInfo(f.key(), f.name(), f.kind(), true));
        }
        for (FrameRepository.StoredFrame f : studio.frames().list(storyId)) {
            out.add(new FrameInfo(Frame.storedKey(f.id()), f.name(), f.kind(), false));
        }
        return out;
    }

    /**
     * The frame named by its key, else by its name (ignoring case); null or blank for the scene frame. Generation
     * and the previews of {@link Generator.Mode modes} pass their mode's own frame instead of null.
     *
     * @throws IllegalArgumentException when there is none, naming the ones there are
     */
    public Frame frame(long storyId, String keyOrName) {
        if (keyOrName == null || keyOrName.isBlank()) {
            return Frames.builtIn(Frames.SCENE).orElseThrow();
        }
        String wanted = keyOrName.strip();
        Optional<Frame> builtIn = Frames.builtIn(wanted);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        List<FrameRepository.StoredFrame> stored = studio.frames().list(storyId);
        for (FrameRepository.StoredFrame f : stored) {
            if (Frame.storedKey(f.id()).equals(wanted)) {
                return frame(f);
            }
        }
        for (Frame f : Frames.builtIn()) {
            if (f.name().equalsIgnoreCase(wanted)) {
                return f;
            }
        }
        for (FrameRepository.StoredFrame f : stored) {
            if (f.name().strip().equalsIgnoreCase(wanted)) {
                return frame(f);
            }
        }
        List<String> keys = new ArrayList<>();
        frames(storyId).forEach(f -> keys.add(f.key()));
        throw new IllegalArgumentException("There is no frame “" + wanted + "”. The frames are "
                + String.join(", ", keys) + ".");
    }

    /**
     * Copies a frame into the library as the writer's own, for {@code storyId} only or, when null, for every story.
     */
    public FrameInfo duplicate(Long storyId, String fromKey, String name) {
        Frame from = frame(storyId == null ? 0 : storyId, fromKey);
        String newName = name == null || name.isBlank() ? from.name() + " (copy)" : name.strip();
        FrameRepository.StoredFrame saved = studio.frames().create(new FrameRepository.StoredFrame(0, storyId,
                from.kind(), newName, from.template(), from.key()));
        return new FrameInfo(Frame.storedKey(saved.id()), saved.name(), saved.kind(), false);
    }

    /**
     * Saves the writer's edit of one of their frames.
     *
     * @throws IllegalArgumentException when the frame is built in (duplicate it first) or the template has
     *                                  problems ({@link Frame#problems}), which the message lists
     */
    public void saveFrame(String key, String name, String template) {
        FrameRepository.StoredFrame stored = stored(key);
        List<String> problems = Frame.problems(template);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        studio.frames().update(new FrameRepository.StoredFrame(stored.id(), stored.storyId(), stored.kind(),
                name == null || name.isBlank() ? stored.name() : name.strip(), template, stored.basedOn()));
    }

    /** Puts a duplicated frame's template back to the built-in frame it came from. */
    public void restore(String key) {
        FrameRepository.StoredFrame stored = stored(key);
        Frame original = Frames.builtIn(stored.basedOn() == null ? "" : stored.basedOn())
                .or(() -> Frames.builtIn(stored.kind()))
                .orElseThrow(() -> new IllegalArgumentException("“" + stored.name()
                        + "” was not made from a built-in frame, so there is nothing to restore."));
        studio.frames().update(new FrameRepository.StoredFrame(stored.id(), stored.storyId(), stored.kind(),
                stored.name(), original.template(), stored.basedOn()));
    }

    public void deleteFrame(String key) {
        studio.frames().delete(stored(key).id());
    }

    private FrameRepository.StoredFrame stored(String key) {
        if (key != null && Frames.builtIn(key).isPresent()) {
            throw new IllegalArgumentException("“" + key + "” is a built-in frame: duplicate it to make your own.");
        }
        if (key != null && key.startsWith("frame-")) {
            try {
                Optional<FrameRepository.StoredFrame> f = studio.frames().get(Long.parseLong(key.substring(6)));
                if (f.isPresent()) {
                    return f.get();
                }
            } catch (NumberFormatException ignored) {
                // not a stored key
            }
        }
        throw new IllegalArgumentException("There is no frame “" + key + "” in the library.");
    }

    private static Frame frame(FrameRepository.StoredFrame f) {
        return new Frame(Frame.storedKey(f.id()), f.id(), f.name(), f.kind(), f.template(), false, f.basedOn());
    }

    // ---- prompts ----

    /**
     * What a request would send, and what it would leave out.
     *
     * @param sceneId      the scene worked on; null for a new scene after the last
     * @param frameKey     null for the scene frame
     * @param instruction  may be blank while the writer is typing it
     * @param budgetTokens null for the story's provider's context window less its output tokens, else
     *                     {@link #DEFAULT_BUDGET}
     * @throws IllegalArgumentException when the story, the scene or the frame does not exist
     * @throws PromptTooSmallException  (an {@code IllegalArgumentException}) when the budget cannot carry the story's
     *                                  canon; its message gives the figures and what to change
     */
    public PromptReport preview(long storyId, Long sceneId, String frameKey, String instruction,
                                Integer budgetTokens) {
        return assemble(storyId, sceneId, frameKey, instruction, budgetTokens).report();
    }

    /**
     * What a generation in {@code mode} would send: a scene, a continuation from the cursor (only the text before it
     * is sent), or a passage rewritten (the passage exactly as selected, the scene around it with its place marked).
     *
     * @param sceneId      the scene worked on; null for a new scene, which only {@link Generator.Mode#SCENE} writes
     * @param frameKey     a frame's key or name; null for the mode's {@link Generator.Mode#defaultFrame() own}
     * @param mode         null for {@link Generator.Mode#SCENE}
     * @param anchorStart  the cursor, or the passage's start, as a character offset into the scene's text; ignored
     *                     for a scene
     * @param anchorEnd    the passage's end (exclusive); ignored unless rewriting
     * @param budgetTokens as in {@link #preview(long, Long, String, String, Integer)}
     * @throws IllegalArgumentException when the story, the scene, the frame, or the cursor or passage does not
     *                                  exist, saying which
     * @throws PromptTooSmallException  when the budget cannot carry the story's canon
     */
    public PromptReport preview(long storyId, Long sceneId, String frameKey, String instruction,
                                Generator.Mode mode, int anchorStart, int anchorEnd, Integer budgetTokens) {
        return assemble(storyId, sceneId, frameKey, instruction, mode, anchorStart, anchorEnd, budgetTokens)
                .report();
    }

    /** As {@link #preview}, with the system blocks and user message ready to send. */
    public AssembledPrompt assemble(long storyId, Long sceneId, String frameKey, String instruction,
                                    Integer budgetTokens) {
        return assemble(storyId, sceneId, frameKey == null || frameKey.isBlank() ? Frames.SCENE : frameKey,
                instruction, Generator.Mode.SCENE, 0, 0, budgetTokens);
    }

    /** As {@link #preview(long, Long, String, String, Generator.Mode, int, int, Integer)}, ready to send. */
    public AssembledPrompt assemble(long storyId, Long sceneId, String frameKey, String instruction,
                                    Generator.Mode mode, int anchorStart, int anchorEnd, Integer budgetTokens) {
        return assemble(storyId, sceneId, frameKey, instruction, mode, anchorStart, anchorEnd, budgetTokens,
                Asking.STORY);
    }

    /**
     * As {@link #preview(long, Long, String, String, Generator.Mode, int, int, Integer)}, budgeted and counted for
     * whom {@code asking} names, with the characters it says the writer plays: as the generation asked of them will
     * be (its estimate is the figure the library records), so the context meter, the Prompt Preview,
     * {@code quire prompt} and the generation agree.
     *
     * @throws IllegalArgumentException also when {@code asking} names a character the story does not have
     */
    public PromptReport preview(long storyId, Long sceneId, String frameKey, String instruction,
                                Generator.Mode mode, int anchorStart, int anchorEnd, Integer budgetTokens,
                                Asking asking) {
        return assemble(storyId, sceneId, frameKey, instruction, mode, anchorStart, anchorEnd, budgetTokens, asking)
                .report();
    }

    private AssembledPrompt assemble(long storyId, Long sceneId, String frameKey, String instruction,
                                     Generator.Mode mode, int anchorStart, int anchorEnd, Integer budgetTokens,
                                     Asking asking) {
        String provider = asking.provider();
        String model = asking.model();
        Generator.Mode m = mode == null ? Generator.Mode.SCENE : mode;
        Story story = studio.stories().get(storyId).orElseThrow(() -> new IllegalArgumentException(
                "There is no story with id " + storyId + " in this library."));
        List<Scene> scenes = studio.scenes().all(storyId);
        Scene target = null;
        if (sceneId != null) {
            for (Scene s : scenes) {
                if (s.id() == sceneId) {
                    target = s;
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("“" + story.title() + "” has no scene with id " + sceneId + ".");
            }
        }
        Integer end = m == Generator.Mode.REWRITE ? Integer.valueOf(anchorEnd) : Integer.valueOf(anchorStart);
        if (m != Generator.Mode.SCENE) {
            if (anchorStart < 0 || end < anchorStart || (m == Generator.Mode.REWRITE && end == anchorStart)) {
                throw new IllegalArgumentException(m == Generator.Mode.CONTINUE
                        ? "The cursor is counted in characters from the start of the scene's text, from 0, not "
                        + anchorStart + "."
                        : "The selection from " + anchorStart + " to " + anchorEnd + " is empty or backwards: "
                        + "select the passage to rewrite.");
            }
            String problem = GenerationModes.placeProblem(m, target, anchorStart, end);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        Frame frame = GenerationModes.frameFor(this, storyId, m, frameKey);
        Optional<ProviderProfile> profile = provider == null || provider.isBlank()
                ? studio.providers().profileFor(storyId) : studio.providers().find(provider.strip());
        String chosenModel = model == null || model.isBlank() ? null : model.strip();
        int budget = budgetTokens != null ? budgetTokens : profile.map(p -> budget(p, null)).orElse(DEFAULT_BUDGET);
        TokenCounter counter = profile.map(p -> counter(p, chosenModel)).orElse(TokenCounter.estimate());
        return assemble(story, scenes, target, frame, instruction, GenerationModes.anchor(m, anchorStart, end), budget,
                counter, GenerationModes.writerPlays(studio, story, asking.writerPlays()));
    }

    AssembledPrompt assemble(Story story, List<Scene> scenes, Scene target, Frame frame, String instruction,
                             int budget, TokenCounter counter) {
        return assemble(story, scenes, target, frame, instruction, null, budget, counter);
    }

    /** A single request, anchored at a cursor or a passage of {@code target} (null for the whole scene). */
    AssembledPrompt assemble(Story story, List<Scene> scenes, Scene target, Frame frame, String instruction,
                             PromptInput.Anchor anchor, int budget, TokenCounter counter) {
        return assemble(story, scenes, target, frame, instruction, anchor, budget, counter, Set.of());
    }

    /** As above, with the writer playing {@code writerPlays} (character ids) whatever their sheets say. */
    AssembledPrompt assemble(Story story, List<Scene> scenes, Scene target, Frame frame, String instruction,
                             PromptInput.Anchor anchor, int budget, TokenCounter counter, Set<Long> writerPlays) {
        return assemble(new PromptInput(story, studio.characters().list(story.id()), scenes, target,
                studio.lore().list(story.id()), frame, instruction, budget, counter, studio.notes().list(story.id()),
                List.of(), false, anchor).withWriterPlaying(writerPlays));
    }

    /**
     * The general case: a conversation's earlier messages go in as {@code history}, and {@code wholeCast} brings in
     * every character (a story brainstorm) rather than the scene's cast. The story's notes go in too; the assembler
     * sends only the shared ones.
     */
    AssembledPrompt assemble(Story story, List<Scene> scenes, Scene target, Frame frame,
                             List<PromptInput.Turn> history, String instruction, boolean wholeCast, int budget,
                             TokenCounter counter) {
        return assemble(new PromptInput(story, studio.characters().list(story.id()), scenes, target,
                studio.lore().list(story.id()), frame, instruction, budget, counter, studio.notes().list(story.id()),
                history, wholeCast));
    }

    /**
     * Every request goes through here, so that a generation, a reply, a summary and the preview all carry the long
     * story the same way: its chapters, which summaries are stale, the canon and the story's verbatim cap.
     *
     * @throws PromptTooSmallException when the budget cannot carry the canon beside the essentials; nothing is sent
     */
    private AssembledPrompt assemble(PromptInput input) {
        long storyId = input.story().id();
        PromptInput whole = studio.database().consistentRead("read the story's chapters, summaries and canon",
                () -> input.withChapters(studio.chapters().list(storyId), studio.chapters().sceneChapters(storyId))
                        .withStaleSummaries(studio.summaries().stale(storyId))
                        .withCanon(studio.canon().list(storyId))
                        .withMaxVerbatimWords(verbatimCap(storyId).orElse(null)));
        return ContextAssembler.assemble(whole);
    }

    // ---- the story's cap on earlier scenes verbatim ----

    /**
     * The most words of earlier scenes a story's prompts carry verbatim (pinned scenes aside), whatever the budget
     * would allow: a writer who wants the model to lean on summaries, or to spend a large window on other things.
     * Empty when the story has no cap, and the window scales with the budget.
     */
    public Optional<Integer> verbatimCap(long storyId) {
        Optional<String> kept = studio.settings().get(verbatimCapKey(storyId));
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        try {
            int words = Integer.parseInt(kept.get().strip());
            return words < 0 ? Optional.empty() : Optional.of(words);
        } catch (NumberFormatException e) {
            // only an edit of the library file by hand gets here; no cap is what the story had before one was set
            return Optional.empty();
        }
    }

    /**
     * Sets the story's cap on the words of earlier scenes sent verbatim; null takes it away.
     *
     * @throws IllegalArgumentException when the story does not exist or {@code words} is negative
     */
    public void setVerbatimCap(long storyId, Integer words) {
        if (words != null && words < 0) {
            throw new IllegalArgumentException("The cap on earlier scenes verbatim is a number of words, 0 or more, "
                    + "not " + words + ".");
        }
        studio.stories().get(storyId).orElseThrow(() -> new IllegalArgumentException(
                "There is no story with id " + storyId + " in this library."));
        if (words == null) {
            studio.settings().delete(verbatimCapKey(storyId));
        } else {
            studio.settings().put(verbatimCapKey(storyId), Integer.toString(words));
        }
    }

    /** Built and read only here, so the setting's name has one home. */
    private static String verbatimCapKey(long storyId) {
        return "story." + storyId + ".verbatim-cap";
    }

    /** The context window less the tokens kept for the reply ({@code maxOutputTokens}, else the profile's). */
    static int budget(ProviderProfile profile, Integer maxOutputTokens) {
        int output = maxOutputTokens != null ? maxOutputTokens : profile.maxOutputTokens();
        if (profile.contextWindow() <= 0) {
            return DEFAULT_BUDGET;
        }
        return Math.max(0, profile.contextWindow() - Math.max(0, output));
    }

    /** OpenAI's own tokenizer for OpenAI models (also through a router), the calibrated estimate for the rest. */
    static TokenCounter counter(ProviderProfile profile, String model) {
        String m = (model != null ? model : profile.defaultModel()).toLowerCase(Locale.ROOT);
        String bare = m.substring(m.lastIndexOf('/') + 1);
        boolean openAi = profile.kind() == ProviderKind.OPENAI
                || (profile.kind() == ProviderKind.OPENAI_COMPATIBLE && (m.startsWith("openai/")
                || OPENAI_MODEL.matcher(bare).matches()) && !bare.contains("oss"));
        return TokenCounter.forProvider(openAi, m);
    }
}
