package dev.quire.studio;

import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.SystemBlock;
import dev.quire.model.Chapter;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.Frame;
import dev.quire.prompt.PromptReport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The requests a summary is made with: a scene through the built-in summary frame; a scene too long for the model's
 * window in parts, at paragraph boundaries, and then the parts' summaries combined; a chapter from its scenes'
 * summaries. The combining and chapter templates are built in here, since they carry summaries rather than a scene's
 * text: the summaries go in the instruction, which the prompt builder never shortens.
 */
final class SummaryPrompts {

    /** Frame keys the library records: every summary generation's key starts with "summary". */
    static final String COMBINE_KEY = "summary:combine";
    static final String CHAPTER_KEY = "summary:chapter";

    static final String WHOLE = "Keep it under 150 words.";
    /** What a summary to come is guessed to take, for estimates before it exists. */
    static final int SUMMARY_TOKENS_GUESS = 200;
    /** Room kept for the scene's introduction and the slots' headings, which the counts above leave out. */
    private static final int MARGIN = 48;

    private static final String SYSTEM = "You summarise scenes of a work of fiction for its author, so that later "
            + "prompts can recall them. Write a few plain sentences in the present tense: who is there, what happens, "
            + "what changes, and any fact later scenes must keep. No commentary.";
    static final Frame COMBINE = new Frame(COMBINE_KEY, 0, "Combine a scene's parts", "summary",
            "[system]\n" + SYSTEM + "\n\n{{bible}}\n\n{{characters}}\n\n{{lore}}\n[user]\n{{instruction}}\n", true,
            "summary");
    static final Frame CHAPTER = new Frame(CHAPTER_KEY, 0, "Summarise the chapter", "summary",
            "[system]\nYou summarise chapters of a work of fiction for its author, so that later prompts can recall "
                    + "them. Write one paragraph in the present tense: what happens across the chapter, what "
                    + "changes, and any fact later chapters must keep. No commentary.\n\n{{bible}}\n[user]\n"
                    + "{{instruction}}\n", true, "summary");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…][\"”’»)\\]]?)\\s+");

    private final Studio studio;
    private final Summaries.Target target;

    SummaryPrompts(Studio studio, Summaries.Target target) {
        this.studio = studio;
        this.target = target;
    }

    // ---- a scene ----

    /** The whole scene through the summary frame, or null when its text does not fit the window in one piece. */
    Generator.Prepared whole(Scene scene, List<Scene> scenes) {
        String text = scene.prose().text().strip();
        if (target.counter().count(text) > sceneRoom(scene, scenes, WHOLE)) {
            return null;
        }
        Generator.Prepared p = prepare(scene, scenes, target.frame(), WHOLE);
        // the builder shortens a scene that does not fit rather than refuse it: a cut summary source is no good
        return p.report().messages().stream().anyMatch(m -> m.content().contains(text)) ? p : null;
    }

    /**
     * The scene's text cut at paragraph boundaries (sentences, then words, inside a paragraph longer than a part)
     * into parts that each fit the window, with the request for each.
     *
     * @throws IllegalStateException when the window leaves no room for even a short part
     */
    List<Generator.Prepared> parts(Scene scene, List<Scene> scenes) {
        String text = scene.prose().text().strip();
        int room = sceneRoom(scene, scenes, partInstruction(99, 99));
        while (room >= 32) {
            List<String> parts = pack(text, room);
            List<Generator.Prepared> out = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Scene part = scene.withProse(Prose.plain(parts.get(i)));
                Generator.Prepared p = prepare(part, scenes, target.frame(), partInstruction(i + 1, parts.size()));
                String partText = parts.get(i);
                if (p.report().messages().stream().noneMatch(m -> m.content().contains(partText))) {
                    break; // the estimate of the room was generous: cut smaller
                }
                out.add(p);
            }
            if (out.size() == parts.size()) {
                return out;
            }
            room = room * 4 / 5;
        }
        throw new IllegalStateException("the model's context window (" + target.profile().contextWindow()
                + " tokens, " + target.profile().maxOutputTokens() + " of them kept for the reply) leaves no room"
                + " for the scene's text");
    }

    private static String partInstruction(int n, int of) {
        return "This is part " + n + " of " + of + " of the scene, which is too long to send at once. Summarise only "
                + "this part, in under 150 words; the parts' summaries will be combined.";
    }

    /** Tokens the summary prompt can give the scene's text, after the frame's own words and the instruction. */
    private int sceneRoom(Scene scene, List<Scene> scenes, String instruction) {
        AssembledPrompt bare = assemble(scene.withProse(Prose.EMPTY), scenes, target.frame(), instruction);
        return target.budget() - essentials(bare.report()) - MARGIN;
    }

    /** The frame's words, the instruction and the turns: what the prompt builder never leaves out. */
    private static int essentials(PromptReport report) {
        int tokens = 0;
        for (PromptReport.Included i : report.included()) {
            tokens += switch (i.kind()) {
                case "frame", "instruction", "turns" -> i.tokens();
                default -> 0;
            };
        }
        return tokens;
    }

    /** Greedy packing of paragraphs into parts of at most {@code room} tokens (counts are nearly additive). */
    List<String> pack(String text, int room) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int partTokens = 0;
        for (String[] unit : units(text, room)) {
            int t = target.counter().count(unit[1]) + 1;
            if (part.length() > 0 && partTokens + t > room) {
                parts.add(part.toString());
                part.setLength(0);
                partTokens = 0;
            }
            if (part.length() > 0) {
                part.append(unit[0]);
            }
            part.append(unit[1]);
            partTokens += t;
        }
        if (part.length() > 0) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** Paragraphs, each {separator before it, text}; a paragraph over {@code room} comes as sentences or words. */
    private List<String[]> units(String text, int room) {
        List<String[]> units = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            if (target.counter().count(paragraph) <= room) {
                units.add(new String[] {"\n\n", paragraph.strip()});
                continue;
            }
            String separator = "\n\n";
            for (String sentence : SENTENCE_END.split(paragraph.strip())) {
                if (target.counter().count(sentence) <= room) {
                    units.add(new String[] {separator, sentence});
                } else {
                    for (String word : sentence.split("\\s+")) {
                        if (!word.isEmpty()) {
                            units.add(new String[] {separator, word});
                            separator = " ";
                        }
                    }
                }
                separator = " ";
            }
        }
        return units;
    }

    // ---- summaries joined into one ----

    /** How summaries are joined into one: a long scene's parts, or a chapter's scenes. */
    interface Joining {
        Frame frame();

        /** The scene whose cast and lore go with the request; null for a chapter. */
        Scene scene();

        /** The request with {@code items} in it; {@code whole} when they cover everything. */
        String instruction(List<String> items, boolean whole);
    }

    /** A scene too long for one request, from its parts' summaries. */
    record SceneParts(Scene scene) implements Joining {
        @Override
        public Frame frame() {
            return COMBINE;
        }

        @Override
        public String instruction(List<String> items, boolean whole) {
            StringBuilder sb = new StringBuilder(sceneLabel(scene)).append(" was too long to summarise at once, so ")
                    .append("its parts were summarised one by one. Here are summaries of ")
                    .append(whole ? "all its parts" : "some of its parts").append(", in order:\n\n");
            appendItems(sb, items, "Part");
            return sb.append("Combine them into one summary of ").append(whole ? "the whole scene" : "these parts")
                    .append(", in under 150 words.").toString();
        }
    }

    /** A chapter, from its scenes' summaries. */
    record ChapterScenes(Chapter chapter) implements Joining {
        @Override
        public Frame frame() {
            return CHAPTER;
        }

        @Override
        public Scene scene() {
            return null;
        }

        @Override
        public String instruction(List<String> items, boolean whole) {
            StringBuilder sb = new StringBuilder("Here are summaries of ")
                    .append(whole ? "the scenes" : "a run of the scenes").append(" of ").append(chapter.label())
                    .append(", in story order:\n\n");
            appendItems(sb, items, "Summary");
            return sb.append(whole ? "Summarise the chapter as a whole, in under 200 words."
                    : "Summarise these scenes together, in under 150 words.").toString();
        }
    }

    private static void appendItems(StringBuilder sb, List<String> items, String label) {
        for (int i = 0; i < items.size(); i++) {
            sb.append(label).append(' ').append(i + 1).append(":\n").append(items.get(i).strip()).append("\n\n");
        }
    }

    static String sceneLabel(Scene scene) {
        return "Scene " + (scene.position() + 1) + (scene.title().isBlank() ? "" : ", “" + scene.title().strip()
                + "”,");
    }

    /**
     * Consecutive runs of {@code items} that each fit one request; one run when they all do. A run holds a single
     * item only when that item alone fills a request.
     */
    List<List<String>> runs(Joining joining, List<Scene> scenes, List<String> items) {
        int room = target.budget() - MARGIN - joiningFrameTokens(joining, scenes);
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String item : items) {
            run.add(item);
            if (run.size() > 1 && target.counter().count(joining.instruction(run, false)) > room) {
                run.remove(run.size() - 1);
                runs.add(run);
                run = new ArrayList<>(List.of(item));
            }
        }
        runs.add(run);
        return runs;
    }

    /** Whether the items fit one request at all. */
    boolean fits(Joining joining, List<Scene> scenes, List<String> items) {
        return target.counter().count(joining.instruction(items, true)) + joiningFrameTokens(joining, scenes)
                + MARGIN <= target.budget();
    }

    private int joiningFrameTokens(Joining joining, List<Scene> scenes) {
        AssembledPrompt bare = assemble(joining.scene(), scenes, joining.frame(), joining.instruction(List.of(), true));
        return essentials(bare.report()) - target.counter().count(joining.instruction(List.of(), true));
    }

    Generator.Prepared join(Joining joining, List<Scene> scenes, List<String> items, boolean whole) {
        return prepare(joining.scene(), scenes, joining.frame(), joining.instruction(items, whole));
    }

    // ---- estimates ----

    /** What a scene's summary will send: its input tokens, and in how many requests. */
    record Estimate(int tokens, int requests) {
    }

    /** The scene's prompt, or its parts' prompts and a guess at the combining one. */
    Estimate estimate(Scene scene, List<Scene> scenes) {
        Generator.Prepared whole = whole(scene, scenes);
        if (whole != null) {
            return new Estimate(whole.estimatedInputTokens(), 1);
        }
        List<Generator.Prepared> parts = parts(scene, scenes);
        int tokens = 0;
        for (Generator.Prepared p : parts) {
            tokens += p.estimatedInputTokens();
        }
        return new Estimate(tokens + joiningFrameTokens(new SceneParts(scene), scenes)
                + parts.size() * SUMMARY_TOKENS_GUESS, parts.size() + 1);
    }

    /** The tokens a chapter's summary will send, with a guess for the summaries still to be made. */
    int estimateChapter(Chapter chapter, List<Scene> scenes, List<String> known, int toCome) {
        ChapterScenes joining = new ChapterScenes(chapter);
        return joiningFrameTokens(joining, scenes) + target.counter().count(joining.instruction(known, true))
                + toCome * SUMMARY_TOKENS_GUESS;
    }

    // ---- building a request ----

    private AssembledPrompt assemble(Scene scene, List<Scene> scenes, Frame frame, String instruction) {
        return studio.prompts().assemble(target.story(), scenes, scene, frame, instruction, target.budget(),
                target.counter());
    }

    private Generator.Prepared prepare(Scene scene, List<Scene> scenes, Frame frame, String instruction) {
        AssembledPrompt prompt = assemble(scene, scenes, frame, instruction);
        ChatRequest.Builder chat = ChatRequest.builder().model(target.model()).variants(1);
        for (AssembledPrompt.Block block : prompt.system()) {
            chat.system(new SystemBlock(block.text(), block.cacheBreakpoint()));
        }
        chat.message(ChatMessage.user(prompt.user()));
        GenerationRequest request = GenerationRequest.builder(target.story().id(), instruction)
                .scene(scene == null ? null : scene.position() + 1).frame(frame.key()).model(target.model())
                .build();
        return new Generator.Prepared(target.story(), scene, request, frame, target.profile(), target.provider(),
                chat.build(), prompt, false);
    }
}
