package dev.quire.prompt;

import dev.quire.model.CanonFact;
import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.model.Note;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a prompt from a story within a token budget.
 *
 * <p>What goes in, by priority, as long as it fits: the frame, the instruction, the passage to rewrite (exactly as
 * selected, never shortened), the co-writing turns; the story's canon, never trimmed (when it cannot fit, assembly
 * refuses with {@link PromptTooSmallException}, as it does when the frame and the instruction alone are over the
 * budget); the scene being worked on (when continuing from the cursor, only its
 * text up to the cursor; when rewriting, with the passage's place marked); in a conversation, its earlier messages,
 * newest first (the oldest go when they do not fit); the story bible; always-on lore; the characters present; the
 * notes the writer shared (never the private ones); pinned scenes and the nearest scenes verbatim, in a window that
 * scales with the budget (half the room left after all the above, never less than {@link #RECENT_TOKENS} or half
 * the budget, and capped by {@link PromptInput#maxVerbatimWords()}); lore triggered by the recent text, the
 * conversation or the instruction; then the older scenes by their summaries, nearest first, and by their chapters'
 * summaries where they no longer fit one by one. When every earlier scene can be carried so, the room for it is set
 * aside before the triggered lore, and the scenes verbatim beyond the nearest leave it too: every earlier scene is
 * carried whenever the budget allows. Text that must be shortened is cut at a paragraph or sentence boundary. What
 * is left out is reported with the reason, and the report's {@link Coverage} says how each earlier scene went in.
 *
 * <p>Order in the prompt follows the frame, whose system section puts the stable part (bible, canon, characters,
 * always-on lore) before the volatile part (triggered lore, the story so far): the stable part is byte-identical
 * between requests while the story's bible, canon, cast and always-on lore stay the same.
 */
public final class ContextAssembler {

    /**
     * The least window of nearest scenes verbatim (about 3,000 words), or half the budget when that is smaller: what
     * a small (8K) budget gets. Larger budgets get half the room left for the story so far (see the class comment).
     */
    public static final int RECENT_TOKENS = 4000;
    /** How many scenes before the one worked on count as "recent text" for triggering lore. */
    public static final int RECENT_SCAN_SCENES = 2;

    /** Where the passage to rewrite stands in the scene text sent with it. */
    public static final String PASSAGE_MARK = "[PASSAGE TO REWRITE]";
    static final String PASSAGE_HEADING = "# The passage to rewrite";
    static final String TURNS_HEADING = "# Turns";
    static final String CANON_HEADING = "# Canon: facts the author has established; never contradict them";

    private ContextAssembler() {
    }

    public static AssembledPrompt assemble(PromptInput input) {
        return new Run(input).assemble();
    }

    private static final class Run {
        final PromptInput in;
        final TokenCounter counter;
        final Story story;
        final Frame frame;
        final FrameRenderer renderer;
        final Budget budget;
        final Map<String, String> headings = new LinkedHashMap<>();
        final List<PromptInput.Turn> history = new ArrayList<>();
        int historyTokens;
        String turnsLabel = "";
        List<String> stops = List.of();

        Run(PromptInput in) {
            this.in = in;
            this.counter = in.counter();
            this.story = in.story();
            this.frame = in.frame();
            this.renderer = new FrameRenderer(frame, counter);
            this.budget = new Budget(counter, frame.slots());
        }

        AssembledPrompt assemble() {
            List<Scene> before = new ArrayList<>();
            for (Scene s : in.scenes()) {
                if (in.target() != null && (s.id() == in.target().id() || s.position() >= in.target().position())) {
                    break;
                }
                before.add(s);
            }
            Cast cast = Cast.of(in, before);
            headings.put("characters", cast.everyone() ? "# Characters" : "# Characters in this scene");
            headings.put("lore", "# The world");
            headings.put("lore_triggered", "# The world: what bears on this scene");
            headings.put(StorySoFar.SLOT, StorySoFar.HEADING);
            headings.put("notes", "# Notes from the author");

            // tier 0: the frame, the instruction, the passage to rewrite, the turns and the scene worked on; only
            // the scene is shortened if these alone are too long (to its end, or around the passage)
            String instruction = in.instruction();
            int instructionTokens = counter.count(instruction);
            String passage = budget.uses("passage") ? in.passage() : "";
            SceneText scene = SceneText.of(in, budget.uses("scene_text"));
            Map<String, String> fixed = new HashMap<>();
            fixed.put("instruction", instruction);
            fixed.put("title", story.title().strip());
            fixed.put("passage", passage.isEmpty() ? "" : PASSAGE_HEADING + "\n\n<passage>\n" + passage
                    + "\n</passage>");
            if (budget.uses("turns")) {
                turnsLabel = cast.turnsLabel();
                fixed.put("turns", cast.turns());
                stops = cast.stopSequences();
            } else {
                fixed.put("turns", "");
            }
            // the frame and what it must carry, with nothing else: when even that is over the budget, nothing the
            // assembler leaves out can make the request work, so it is refused with the figures
            fixed.put("scene_text", "");
            int essentials = renderer.tokens(renderer.render(fixed), 0);
            if (essentials > in.budget()) {
                throw PromptTooSmallException.essentials(essentials, in.budget());
            }
            fixed.put("scene_text", scene.render(-1));
            int frameTokens = renderer.tokens(renderer.render(fixed), historyTokens);
            int reserve = 0;
            for (Map.Entry<String, String> h : headings.entrySet()) {
                if (budget.uses(h.getKey())) {
                    reserve += counter.count(h.getValue()) + 1;
                }
            }
            // the canon, right after the essentials and before the scene worked on: never trimmed, so it either
            // fits beside the frame and the instruction or the request is refused with the figures
            List<Piece> canon = canon();
            int canonTokens = 0;
            if (!canon.isEmpty()) {
                headings.put("canon", CANON_HEADING);
                canonTokens = counter.count(CANON_HEADING) + 1;
                for (Piece p : canon) {
                    canonTokens += p.tokens();
                }
                Map<String, String> withoutScene = new HashMap<>(fixed);
                withoutScene.put("scene_text", "");
                int leaves = Math.max(0, in.budget() - renderer.tokens(renderer.render(withoutScene), 0) - reserve);
                if (canonTokens > leaves) {
                    throw new PromptTooSmallException(canonTokens, leaves);
                }
            }
            budget.remaining = in.budget() - frameTokens - reserve - canonTokens;
            int sceneRoom = scene.tokens();
            for (int pass = 0; budget.remaining < 0 && sceneRoom > 0; pass++) {
                // counts are nearly additive: a pass or two gets within the budget; after a few, give up the scene
                sceneRoom = pass < 4 ? Math.max(0, sceneRoom + budget.remaining) : 0;
                fixed.put("scene_text", scene.render(sceneRoom));
                frameTokens = renderer.tokens(renderer.render(fixed), historyTokens);
                budget.remaining = in.budget() - frameTokens - reserve - canonTokens;
            }
            if (frameTokens + canonTokens > in.budget() && !fixed.get("scene_text").isEmpty()) {
                // even the scene's place marks are too many: the essentials alone fit (checked above), so send those
                fixed.put("scene_text", "");
                frameTokens = renderer.tokens(renderer.render(fixed), historyTokens);
                budget.remaining = in.budget() - frameTokens - reserve - canonTokens;
            }
            budget.included.addAll(canon); // already paid for above

            // tier 0 too: the conversation so far, as many of the newest messages as fit
            for (PromptInput.Turn t : in.history()) {
                // an empty reply (one that failed at once) says nothing, and some APIs refuse it
                if (!t.text().isBlank()) {
                    history.add(t);
                }
            }
            historyTokens = 0;
            for (PromptInput.Turn t : history) {
                historyTokens += turnTokens(t);
            }
            while (!history.isEmpty() && (historyTokens > budget.remaining
                    || history.get(0).role() != PromptInput.Turn.Role.USER)) {
                // the oldest go first; the history must still open with the writer's message
                PromptInput.Turn gone = history.remove(0);
                historyTokens -= turnTokens(gone);
                budget.drop("message", gone.messageId(), turnLabel(gone), PromptReport.OVER_BUDGET);
            }
            budget.remaining -= historyTokens;

            // tier 1: the avoid list, then the bible it is sent with; the bible is shortened first
            if (budget.uses("bible")) {
                String avoid = avoid(story);
                if (!avoid.isEmpty()) {
                    int n = (int) story.avoidList().stream().filter(a -> !a.isBlank()).count();
                    Piece p = budget.piece("bible", "avoid", story.id(), "Avoid list: " + n
                            + (n == 1 ? " entry" : " entries"), 1, avoid);
                    if (p.tokens() <= budget.remaining) {
                        budget.take(p);
                    } else {
                        budget.drop("avoid", story.id(), "Avoid list", PromptReport.OVER_BUDGET);
                    }
                }
                String bible = bible(story);
                int t = counter.count(bible) + 1;
                if (t > budget.remaining) {
                    bible = Trim.keepStart(bible, budget.remaining - 1, counter);
                    t = counter.count(bible) + 1;
                }
                if (!bible.isEmpty()) {
                    budget.take(new Piece("bible", "bible", story.id(), "Story bible", 0, bible, t));
                } else {
                    budget.drop("bible", story.id(), "Story bible", PromptReport.OVER_BUDGET);
                }
            }

            // the lore: which entries are on, which are triggered (by the recent text, or by lore triggered)
            Lore.Scan scan = new Lore.Scan(depth -> recentText(before, depth));
            Map<String, CharacterSheet> byName = new HashMap<>();
            for (CharacterSheet c : in.characters()) {
                for (String n : Cast.names(c)) {
                    byName.putIfAbsent(Mentions.normalize(n), c);
                }
            }
            Set<Long> presentIds = new HashSet<>();
            if (!cast.everyone()) { // a guess at "everyone" should not trigger every character's lore
                cast.present().forEach(c -> presentIds.add(c.id()));
            }
            List<LoreEntry> alwaysOn = new ArrayList<>();
            List<LoreEntry> triggered = new ArrayList<>();
            List<LoreEntry> waiting = new ArrayList<>();
            for (LoreEntry e : in.lore()) {
                if (!e.enabled()) {
                    budget.drop("lore", e.id(), Lore.label(e), PromptReport.DISABLED);
                } else if (e.content().isBlank()) {
                    continue; // nothing to say
                } else if (e.alwaysOn()) {
                    alwaysOn.add(e);
                } else if (Lore.isTriggered(e, scan.at(e.scanDepth()), byName, presentIds)) {
                    triggered.add(e);
                } else {
                    waiting.add(e);
                }
            }
            List<LoreEntry> on = new ArrayList<>(alwaysOn);
            on.addAll(triggered);
            triggered.addAll(Lore.cascade(on, waiting, byName));
            for (LoreEntry e : waiting) {
                budget.drop("lore", e.id(), Lore.label(e), PromptReport.NOT_TRIGGERED);
            }
            alwaysOn.sort(Lore.BY_PRIORITY);
            triggered.sort(Lore.BY_PRIORITY);

            // tier 2: always-on lore
            int order = 0;
            for (LoreEntry e : alwaysOn) {
                budget.offer("lore", "lore", e.id(), Lore.label(e), order++, Lore.text(e));
            }
            // tier 3: the characters present, never their private notes
            order = 0;
            for (CharacterSheet c : cast.present()) {
                if (!budget.uses("characters")) {
                    break;
                }
                budget.offer("characters", "character", c.id(), c.name().strip(), order++, Cast.sheet(c, in.target()));
                if (!c.privateNotes().isBlank()) {
                    budget.drop("character", c.id(), c.name().strip() + ": private notes", PromptReport.PRIVATE);
                }
            }

            // tier 3, after the cast: the notes the writer shared; private ones are never sent
            order = 0;
            for (Note n : in.notes()) {
                if (n.text().isBlank()) {
                    continue;
                }
                if (!n.shared()) {
                    budget.drop("note", n.id(), "Private note", PromptReport.PRIVATE);
                } else if (budget.uses("notes")) {
                    budget.offer("notes", "note", n.id(), noteLabel(n), order++, "- " + n.text().strip());
                }
            }

            // tier 4: pinned scenes, then the nearest ones verbatim in a window that scales with the room left; then
            // the room to carry every older scene in its cheapest form, when there is room for them all
            StorySoFar soFar = new StorySoFar(in, budget, before);
            soFar.verbatim();
            soFar.reserve();

            // tier 5: triggered lore
            order = 1000;
            for (LoreEntry e : triggered) {
                budget.offer("lore_triggered", "lore", e.id(), Lore.label(e), order++, Lore.text(e));
            }

            // tier 6: the older scenes by their summaries, nearest first, and by their chapters' summaries
            soFar.summaries();

            // the pieces were costed one by one; the whole is counted as sent, and the least important go if over
            // (never the canon, which comes first)
            while (true) {
                FrameRenderer.Rendered r = renderer.render(fixed, budget.included, headings);
                int total = renderer.tokens(r, historyTokens);
                if (total <= in.budget() || budget.included.size() <= canon.size()) {
                    return finish(r, total, instructionTokens, fixed, soFar.coverage(budget.included));
                }
                budget.dropLast();
            }
        }

        /** The canon facts as pieces, in the writer's order; reported left out when the frame cannot carry them. */
        private List<Piece> canon() {
            List<Piece> pieces = new ArrayList<>();
            int order = 0;
            for (CanonFact f : in.canon()) {
                if (f.text().isBlank()) {
                    continue;
                }
                if (budget.uses("canon")) {
                    pieces.add(budget.piece("canon", "canon", f.id(), excerpt(f.text()), order++,
                            "- " + f.text().strip()));
                } else {
                    budget.drop("canon", f.id(), excerpt(f.text()), PromptReport.NOT_IN_FRAME);
                }
            }
            return pieces;
        }

        /** The text lore keys are searched in; a depth over 0 takes that many recent messages and scenes. */
        private String recentText(List<Scene> before, int depth) {
            StringBuilder sb = new StringBuilder(in.instruction());
            List<PromptInput.Turn> turns = in.history();
            for (int i = depth > 0 ? Math.max(0, turns.size() - depth) : 0; i < turns.size(); i++) {
                sb.append('\n').append(turns.get(i).text());
            }
            if (in.target() != null) {
                sb.append('\n').append(SceneText.targetText(in));
            }
            int scenes = depth > 0 ? depth : RECENT_SCAN_SCENES;
            for (int i = before.size() - 1; i >= 0 && i >= before.size() - scenes; i--) {
                sb.append('\n').append(before.get(i).prose().text());
            }
            return sb.toString();
        }

        private int turnTokens(PromptInput.Turn t) {
            return counter.messages(List.of(t.text()));
        }

        private AssembledPrompt finish(FrameRenderer.Rendered r, int total, int instructionTokens,
                                       Map<String, String> fixed, Coverage coverage) {
            List<PromptReport.Included> report = new ArrayList<>();
            int others = 0;
            List<PromptReport.Included> rest = new ArrayList<>();
            if (!in.instruction().isEmpty()) {
                rest.add(new PromptReport.Included("instruction", 0, "Instruction", instructionTokens));
                others += instructionTokens;
            }
            if (!fixed.get("passage").isEmpty()) {
                int t = counter.count(fixed.get("passage"));
                rest.add(new PromptReport.Included("passage", in.target().id(), "Passage to rewrite", t));
                others += t;
            }
            if (!fixed.get("turns").isEmpty()) {
                int t = counter.count(fixed.get("turns"));
                rest.add(new PromptReport.Included("turns", 0, turnsLabel, t));
                others += t;
            }
            if (!fixed.get("scene_text").isEmpty()) {
                int t = counter.count(fixed.get("scene_text"));
                String where = in.anchor() == null ? " so far" : in.anchor().isCursor() ? " up to the cursor"
                        : " around the passage";
                rest.add(new PromptReport.Included("scene", in.target().id(), StorySoFar.sceneLabel(in.target())
                        + where, t));
                others += t;
            }
            for (PromptInput.Turn t : history) {
                int tokens = turnTokens(t);
                rest.add(new PromptReport.Included("message", t.messageId(), turnLabel(t), tokens));
                others += tokens;
            }
            for (Piece p : budget.included) {
                rest.add(p.included());
                others += p.tokens();
            }
            // the frame's own words, the headings and the separators: whatever the pieces do not account for
            report.add(new PromptReport.Included("frame", frame.id(), frame.name(), Math.max(0, total - others)));
            report.addAll(rest);
            List<PromptReport.Message> messages = new ArrayList<>();
            String systemText = r.systemText();
            if (!systemText.isEmpty()) {
                messages.add(new PromptReport.Message("system", systemText));
            }
            for (PromptInput.Turn t : history) {
                messages.add(new PromptReport.Message(t.roleName(), t.text()));
            }
            messages.add(new PromptReport.Message("user", r.user()));
            PromptReport pr = new PromptReport(messages, total, in.budget(), report, budget.dropped, coverage,
                    counter.name(), counter.exact(), stops);
            return new AssembledPrompt(r.blocks(), history, r.user(), pr);
        }
    }

    private static String turnLabel(PromptInput.Turn t) {
        return (t.role() == PromptInput.Turn.Role.USER ? "The author: " : "The model: ") + excerpt(t.text());
    }

    private static String noteLabel(Note n) {
        return "Note: " + excerpt(n.text());
    }

    static String excerpt(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
    }

    /** Premise, style guide and about the writer, under the story's title; the avoid list goes apart. */
    public static String bible(Story story) {
        StringBuilder sb = new StringBuilder("# Story bible: ").append(story.title().strip());
        section(sb, "Premise", story.premise());
        section(sb, "Style guide", story.styleGuide());
        section(sb, "About the author", story.aboutWriter());
        return sb.toString();
    }

    /**
     * The story's avoid list as a short, concrete instruction, sent after the bible in the stable part of the
     * prompt (it changes only when the writer edits the list); empty when the list is.
     */
    public static String avoid(Story story) {
        StringBuilder sb = new StringBuilder();
        for (String a : story.avoidList()) {
            if (!a.isBlank()) {
                if (sb.length() == 0) {
                    sb.append("## Avoid (names, phrases and habits the author does not want)\n")
                            .append("Do not use any of these, in narration or dialogue, nor a near variant of one; "
                                    + "choose a fresh name, word or image instead:");
                }
                sb.append("\n- ").append(a.strip());
            }
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String heading, String text) {
        if (!text.isBlank()) {
            sb.append("\n\n## ").append(heading).append("\n").append(text.strip());
        }
    }
}
