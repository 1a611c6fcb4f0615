package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.Note;
import dev.quire.model.PlayedBy;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a prompt from a story within a token budget.
 *
 * <p>What goes in, by priority, as long as it fits: the frame, the instruction, the passage to rewrite (exactly as
 * selected, never shortened), the co-writing turns, and the scene being worked on (when continuing from the cursor,
 * only its text up to the cursor; when rewriting, with the passage's place marked); in a conversation, its earlier
 * messages, newest first (the oldest go when they do not fit); the story bible; always-on lore; the characters present;
 * the notes the writer shared (never the private ones); the most recent scenes verbatim (pinned scenes first, then the
 * nearest ones, up to {@link #RECENT_TOKENS}); lore triggered by the recent text, the conversation or the instruction;
 * then the summaries of older scenes, nearest first. Text that must be shortened is cut at a paragraph or sentence
 * boundary. What is left out is reported with the reason.
 *
 * <p>Order in the prompt follows the frame, whose system section puts the stable part (bible, characters,
 * always-on lore) before the volatile part (triggered lore, recent scenes): the stable part is byte-identical
 * between requests while the story's bible, the cast and the always-on lore stay the same.
 */
public final class ContextAssembler {

    /** About how many tokens of the nearest scenes go in verbatim (about 3,000 words); older ones by summary. */
    public static final int RECENT_TOKENS = 4000;
    /** How many scenes before the one worked on count as "recent text" for triggering lore. */
    public static final int RECENT_SCAN_SCENES = 2;

    /** Where the passage to rewrite stands in the scene text sent with it. */
    public static final String PASSAGE_MARK = "[PASSAGE TO REWRITE]";
    static final String PASSAGE_HEADING = "# The passage to rewrite";
    static final String TURNS_HEADING = "# Turns";

    private static final Pattern BLANK_RUNS = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+");
    /** Stands in for the passage while the blank lines of a section are tidied, so the passage goes as it is. */
    private static final String PASSAGE_STAND_IN = "\uE000passage\uE000";

    private ContextAssembler() {
    }

    public static AssembledPrompt assemble(PromptInput input) {
        return new Run(input).assemble();
    }

    /** One piece of context that may go in. */
    private static final class Piece {
        final String slot;
        final String kind;
        final long id;
        String label;
        final int order;
        String text;
        int tokens;

        Piece(String slot, String kind, long id, String label, int order, String text, int tokens) {
            this.slot = slot;
            this.kind = kind;
            this.id = id;
            this.label = label;
            this.order = order;
            this.text = text;
            this.tokens = tokens;
        }
    }

    private static final class Run {
        final PromptInput in;
        final TokenCounter counter;
        final Story story;
        final Frame frame;
        final String[] sections;
        final Set<String> slotsUsed = new HashSet<>();
        final List<Piece> included = new ArrayList<>();
        final List<PromptReport.Dropped> dropped = new ArrayList<>();
        final Map<String, String> headings = new LinkedHashMap<>();
        final List<PromptInput.Turn> history = new ArrayList<>();
        int historyTokens;
        int remaining;
        String turnsLabel = "";

        Run(PromptInput in) {
            this.in = in;
            this.counter = in.counter();
            this.story = in.story();
            this.frame = in.frame();
            this.sections = Frame.sections(frame.template());
            Matcher m = Frame.SLOT.matcher(frame.template());
            while (m.find()) {
                slotsUsed.add(m.group(1));
            }
        }

        AssembledPrompt assemble() {
            List<Scene> before = new ArrayList<>();
            for (Scene s : in.scenes()) {
                if (in.target() != null && (s.id() == in.target().id() || s.position() >= in.target().position())) {
                    break;
                }
                before.add(s);
            }
            Cast cast = cast(before);
            headings.put("characters", cast.everyone ? "# Characters" : "# Characters in this scene");
            headings.put("lore", "# The world");
            headings.put("lore_triggered", "# The world: what bears on this scene");
            headings.put("scenes", "# The story so far");
            headings.put("notes", "# Notes from the author");

            // tier 0: the frame, the instruction, the passage to rewrite, the turns and the scene worked on; only
            // the scene is shortened if these alone are too long (to its end, or around the passage)
            String instruction = in.instruction();
            int instructionTokens = counter.count(instruction);
            String passage = slotsUsed.contains("passage") ? in.passage() : "";
            SceneText scene = sceneText();
            String title = story.title().strip();
            Map<String, String> fixed = new HashMap<>();
            fixed.put("instruction", instruction);
            fixed.put("title", title);
            fixed.put("passage", passage.isEmpty() ? "" : PASSAGE_HEADING + "\n\n<passage>\n" + passage
                    + "\n</passage>");
            fixed.put("turns", slotsUsed.contains("turns") ? turns(cast) : "");
            fixed.put("scene_text", scene.render(-1));
            int frameTokens = tokensOf(render(fixed));
            int reserve = 0;
            for (Map.Entry<String, String> h : headings.entrySet()) {
                if (slotsUsed.contains(h.getKey())) {
                    reserve += counter.count(h.getValue()) + 1;
                }
            }
            remaining = in.budget() - frameTokens - reserve;
            int sceneRoom = scene.tokens();
            for (int pass = 0; remaining < 0 && sceneRoom > 0; pass++) {
                // counts are nearly additive: a pass or two gets within the budget; after a few, give up the scene
                sceneRoom = pass < 4 ? Math.max(0, sceneRoom + remaining) : 0;
                fixed.put("scene_text", scene.render(sceneRoom));
                frameTokens = tokensOf(render(fixed));
                remaining = in.budget() - frameTokens - reserve;
            }

            // tier 0 too: the conversation so far, as many of the newest messages as fit
            for (PromptInput.Turn t : in.history()) {
                if (!t.text().isBlank()) { // an empty reply (one that failed at once) says nothing and some APIs refuse it
                    history.add(t);
                }
            }
            historyTokens = 0;
            for (PromptInput.Turn t : history) {
                historyTokens += turnTokens(t);
            }
            while (!history.isEmpty() && (historyTokens > remaining || history.get(0).role() != PromptInput.Turn.Role.USER)) {
                // the oldest go first; the history must still open with the writer's message
                PromptInput.Turn gone = history.remove(0);
                historyTokens -= turnTokens(gone);
                dropped.add(new PromptReport.Dropped("message", gone.messageId(), turnLabel(gone),
                        PromptReport.OVER_BUDGET));
            }
            remaining -= historyTokens;

            // tier 1: the bible
            if (slotsUsed.contains("bible")) {
                String bible = bible(story);
                int t = counter.count(bible) + 1;
                if (t > remaining) {
                    bible = Trim.keepStart(bible, remaining - 1, counter);
                    t = counter.count(bible) + 1;
                }
                if (!bible.isEmpty()) {
                    take(new Piece("bible", "bible", story.id(), "Story bible", 0, bible, t));
                } else {
                    dropped.add(new PromptReport.Dropped("bible", story.id(), "Story bible", PromptReport.OVER_BUDGET));
                }
            }

            // the lore: which entries are on, which are triggered
            Mentions recent = new Mentions(recentText(before));
            Map<String, CharacterSheet> byName = new HashMap<>();
            for (CharacterSheet c : in.characters()) {
                for (String n : names(c)) {
                    byName.putIfAbsent(Mentions.normalize(n), c);
                }
            }
            Set<Long> presentIds = new HashSet<>();
            if (!cast.everyone) { // a guess at "everyone" should not trigger every character's lore
                cast.present.forEach(c -> presentIds.add(c.id()));
            }
            List<LoreEntry> alwaysOn = new ArrayList<>();
            List<LoreEntry> triggered = new ArrayList<>();
            for (LoreEntry e : in.lore()) {
                if (!e.enabled()) {
                    dropped.add(new PromptReport.Dropped("lore", e.id(), loreLabel(e), PromptReport.DISABLED));
                } else if (e.content().isBlank()) {
                    continue; // nothing to say
                } else if (e.alwaysOn()) {
                    alwaysOn.add(e);
                } else if (isTriggered(e, recent, byName, presentIds)) {
                    triggered.add(e);
                } else {
                    dropped.add(new PromptReport.Dropped("lore", e.id(), loreLabel(e), PromptReport.NOT_TRIGGERED));
                }
            }

            // tier 2: always-on lore
            int order = 0;
            for (LoreEntry e : alwaysOn) {
                offer("lore", "lore", e.id(), loreLabel(e), order++, lore(e));
            }
            // tier 3: the characters present, never their private notes
            order = 0;
            for (CharacterSheet c : cast.present) {
                if (!slotsUsed.contains("characters")) {
                    break;
                }
                offer("characters", "character", c.id(), c.name().strip(), order++, character(c));
                if (!c.privateNotes().isBlank()) {
                    dropped.add(new PromptReport.Dropped("character", c.id(), c.name().strip() + ": private notes",
                            PromptReport.PRIVATE));
                }
            }

            // tier 3, after the cast: the notes the writer shared; private ones are never sent
            order = 0;
            for (Note n : in.notes()) {
                if (n.text().isBlank()) {
                    continue;
                }
                if (!n.shared()) {
                    dropped.add(new PromptReport.Dropped("note", n.id(), "Private note", PromptReport.PRIVATE));
                } else if (slotsUsed.contains("notes")) {
                    offer("notes", "note", n.id(), noteLabel(n), order++, "- " + n.text().strip());
                }
            }

            // tier 4: recent scenes verbatim, pinned ones first
            List<Scene> bySummary = new ArrayList<>();
            if (slotsUsed.contains("scenes")) {
                for (int i = before.size() - 1; i >= 0; i--) {
                    Scene s = before.get(i);
                    if (s.pinned() && !s.prose().text().isBlank()) {
                        Piece p = piece("scenes", "scene", s.id(), sceneLabel(s), s.position(), verbatim(s));
                        if (p.tokens <= remaining) {
                            take(p);
                        } else {
                            bySummary.add(s);
                        }
                    }
                }
                int window = Math.min(RECENT_TOKENS, Math.max(0, in.budget() / 2));
                int used = 0;
                boolean closed = false;
                boolean first = true;
                for (int i = before.size() - 1; i >= 0; i--) {
                    Scene s = before.get(i);
                    if (s.pinned() && !s.prose().text().isBlank()) {
                        continue;
                    }
                    if (closed || s.prose().text().isBlank()) {
                        bySummary.add(s);
                        continue;
                    }
                    Piece p = piece("scenes", "scene", s.id(), sceneLabel(s), s.position(), verbatim(s));
                    if (used + p.tokens <= window && p.tokens <= remaining) {
                        take(p);
                        used += p.tokens;
                    } else {
                        closed = true;
                        if (first) {
                            // the nearest scene matters most: keep its end rather than lose it
                            String head = sceneHeading(s) + " (its end)\n\n[…] ";
                            int room = Math.min(window, remaining) - counter.count(head) - 1;
                            String kept = Trim.keepEnd(s.prose().text().strip(), room, counter);
                            if (!kept.isEmpty()) {
                                Piece trimmed = piece("scenes", "scene", s.id(), sceneLabel(s) + " (its end)",
                                        s.position(), head + kept);
                                if (trimmed.tokens <= remaining) {
                                    take(trimmed);
                                }
                            }
                        }
                        bySummary.add(s);
                    }
                    first = false;
                }
            }

            // tier 5: triggered lore
            order = 1000;
            for (LoreEntry e : triggered) {
                offer("lore_triggered", "lore", e.id(), loreLabel(e), order++, lore(e));
            }

            // tier 6: summaries of older scenes, nearest first
            bySummary.sort(Comparator.comparingInt(Scene::position).reversed());
            for (Scene s : bySummary) {
                if (s.summary().isBlank()) {
                    if (!isIncluded(s.id())) {
                        dropped.add(new PromptReport.Dropped("scene", s.id(), sceneLabel(s), PromptReport.NO_SUMMARY));
                    }
                    continue;
                }
                if (isIncluded(s.id()) && !included.get(indexOf(s.id())).label.endsWith("(its end)")) {
                    continue;
                }
                offer("scenes", "summary", s.id(), sceneLabel(s), s.position(),
                        sceneHeading(s) + " (summary)\n\n" + s.summary().strip());
            }

            // the pieces were costed one by one; the whole is counted as sent, and the least important go if over
            while (true) {
                Rendered r = renderAll(fixed);
                int total = tokensOf(r);
                if (total <= in.budget() || included.isEmpty()) {
                    return finish(r, total, instructionTokens, fixed);
                }
                Piece last = included.remove(included.size() - 1);
                dropped.add(new PromptReport.Dropped(last.kind, last.id, last.label, PromptReport.OVER_BUDGET));
            }
        }

        private boolean isIncluded(long sceneId) {
            return indexOf(sceneId) >= 0;
        }

        private int indexOf(long sceneId) {
            for (int i = 0; i < included.size(); i++) {
                Piece p = included.get(i);
                if (p.id == sceneId && (p.kind.equals("scene") || p.kind.equals("summary"))) {
                    return i;
                }
            }
            return -1;
        }

        private int turnTokens(PromptInput.Turn t) {
            return counter.count(t.text()) + TokenCounter.MESSAGE_OVERHEAD;
        }

        private static String turnLabel(PromptInput.Turn t) {
            return (t.role() == PromptInput.Turn.Role.USER ? "The author: " : "The model: ") + excerpt(t.text());
        }

        private static String noteLabel(Note n) {
            return "Note: " + excerpt(n.text());
        }

        private static String excerpt(String text) {
            String oneLine = text.strip().replaceAll("\\s+", " ");
            return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
        }

        private Piece piece(String slot, String kind, long id, String label, int order, String text) {
            return new Piece(slot, kind, id, label, order, text, counter.count(text) + 1);
        }

        /** Takes the piece if it fits in what is left, else reports it over budget. */
        private void offer(String slot, String kind, long id, String label, int order, String text) {
            if (!slotsUsed.contains(slot)) {
                return;
            }
            Piece p = piece(slot, kind, id, label, order, text);
            if (p.tokens <= remaining) {
                take(p);
            } else {
                dropped.add(new PromptReport.Dropped(kind, id, label, PromptReport.OVER_BUDGET));
            }
        }

        private void take(Piece p) {
            included.add(p);
            remaining -= p.tokens;
        }

        private AssembledPrompt finish(Rendered r, int total, int instructionTokens, Map<String, String> fixed) {
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
                rest.add(new PromptReport.Included("scene", in.target().id(), sceneLabel(in.target()) + where, t));
                others += t;
            }
            for (PromptInput.Turn t : history) {
                int tokens = turnTokens(t);
                rest.add(new PromptReport.Included("message", t.messageId(), turnLabel(t), tokens));
                others += tokens;
            }
            for (Piece p : included) {
                rest.add(new PromptReport.Included(p.kind, p.id, p.label, p.tokens));
                others += p.tokens;
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
            messages.add(new PromptReport.Message("user", r.user));
            PromptReport pr = new PromptReport(messages, total, in.budget(), report, dropped);
            return new AssembledPrompt(r.blocks, history, r.user, pr);
        }

        // ---- rendering ----

        private record Rendered(List<AssembledPrompt.Block> blocks, String user) {
            String systemText() {
                StringBuilder sb = new StringBuilder();
                for (AssembledPrompt.Block b : blocks) {
                    if (sb.length() > 0) {
                        sb.append("\n\n");
                    }
                    sb.append(b.text());
                }
                return sb.toString();
            }
        }

        private int tokensOf(Rendered r) {
            String system = r.systemText();
            int n = counter.count(r.user) + TokenCounter.MESSAGE_OVERHEAD + historyTokens;
            if (!system.isEmpty()) {
                n += counter.count(system) + TokenCounter.MESSAGE_OVERHEAD;
            }
            return n;
        }

        private Rendered render(Map<String, String> values) {
            return renderTemplate(values);
        }

        private Rendered renderAll(Map<String, String> fixed) {
            Map<String, String> values = new HashMap<>(fixed);
            Map<String, List<Piece>> bySlot = new HashMap<>();
            for (Piece p : included) {
                bySlot.computeIfAbsent(p.slot, k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<Piece>> e : bySlot.entrySet()) {
                List<Piece> pieces = e.getValue();
                // a summary before the end of the same scene, when only its end fitted verbatim
                pieces.sort(Comparator.<Piece>comparingInt(p -> p.order)
                        .thenComparingInt(p -> p.kind.equals("summary") ? 0 : 1));
                StringBuilder sb = new StringBuilder();
                String heading = headings.get(e.getKey());
                if (heading != null) {
                    sb.append(heading);
                }
                for (Piece p : pieces) {
                    if (sb.length() > 0) {
                        sb.append("\n\n");
                    }
                    sb.append(p.text);
                }
                values.put(e.getKey(), sb.toString());
            }
            return renderTemplate(values);
        }

        /**
         * Fills the slots. The system section becomes up to three blocks: the frame's words before the first slot;
         * from there to the end of the last stable slot (the cache breakpoint); the rest.
         */
        private Rendered renderTemplate(Map<String, String> values) {
            String system = sections[0];
            Matcher m = Frame.SLOT.matcher(system);
            int firstSlot = -1;
            int lastStableEnd = -1;
            while (m.find()) {
                if (firstSlot < 0) {
                    firstSlot = m.start();
                }
                if (Frame.STABLE_SLOTS.contains(m.group(1))) {
                    lastStableEnd = m.end();
                }
            }
            List<AssembledPrompt.Block> blocks = new ArrayList<>();
            if (firstSlot < 0) {
                addBlock(blocks, fill(system, values), false);
            } else {
                String role = fill(system.substring(0, firstSlot), values);
                String stable = lastStableEnd < 0 ? "" : fill(system.substring(firstSlot, lastStableEnd), values);
                String rest = fill(system.substring(Math.max(firstSlot, lastStableEnd)), values);
                addBlock(blocks, role, stable.isEmpty());
                addBlock(blocks, stable, true);
                addBlock(blocks, rest, false);
            }
            return new Rendered(blocks, fill(sections[1], values));
        }

        private static void addBlock(List<AssembledPrompt.Block> blocks, String text, boolean breakpoint) {
            if (!text.isEmpty()) {
                blocks.add(new AssembledPrompt.Block(text, breakpoint));
            }
        }

        private static String fill(String template, Map<String, String> values) {
            Matcher m = Frame.SLOT.matcher(template);
            StringBuilder sb = new StringBuilder(template.length() + 256);
            int at = 0;
            while (m.find()) {
                sb.append(template, at, m.start());
                String slot = m.group(1);
                String value = values.getOrDefault(slot, "");
                if (slot.equals("passage") && !value.isEmpty()) {
                    sb.append(PASSAGE_STAND_IN); // the writer's passage goes exactly as selected, blank lines and all
                } else if (Frame.SLOTS.contains(slot)) {
                    sb.append(value);
                } else {
                    sb.append(m.group()); // unknown: left as written, and the frame editor says so
                }
                at = m.end();
            }
            sb.append(template, at, template.length());
            String tidy = BLANK_RUNS.matcher(sb).replaceAll("\n\n").strip();
            return tidy.contains(PASSAGE_STAND_IN) ? tidy.replace(PASSAGE_STAND_IN, values.get("passage")) : tidy;
        }

        // ---- who is present, what is recent ----

        private record Cast(List<CharacterSheet> present, boolean everyone) {
        }

        /**
         * The target scene's cast and point-of-view character; for a new scene, or one with no cast yet, the
         * previous scene's; when neither names anyone, every character.
         */
        private Cast cast(List<Scene> before) {
            if (in.wholeCast()) {
                return new Cast(in.characters(), true);
            }
            Set<Long> ids = castOf(in.target());
            if (ids.isEmpty() && !before.isEmpty()) {
                ids = castOf(before.get(before.size() - 1));
            }
            if (ids.isEmpty()) {
                return new Cast(in.characters(), true);
            }
            List<CharacterSheet> present = new ArrayList<>();
            Long pov = in.target() != null ? in.target().povCharacterId() : null;
            for (CharacterSheet c : in.characters()) {
                if (ids.contains(c.id())) {
                    if (Objects.equals(pov, c.id())) {
                        present.add(0, c);
                    } else {
                        present.add(c);
                    }
                }
            }
            return new Cast(present, false);
        }

        private static Set<Long> castOf(Scene s) {
            Set<Long> ids = new HashSet<>();
            if (s != null) {
                ids.addAll(s.characterIds());
                if (s.povCharacterId() != null) {
                    ids.add(s.povCharacterId());
                }
            }
            return ids;
        }

        private String recentText(List<Scene> before) {
            StringBuilder sb = new StringBuilder(in.instruction());
            for (PromptInput.Turn t : in.history()) {
                sb.append('\n').append(t.text());
            }
            if (in.target() != null) {
                sb.append('\n').append(targetText());
            }
            for (int i = before.size() - 1; i >= 0 && i >= before.size() - RECENT_SCAN_SCENES; i--) {
                sb.append('\n').append(before.get(i).prose().text());
            }
            return sb.toString();
        }

        /**
         * Whether a keyword of the entry is mentioned, or names a character (by name or alias) who is present or
         * is mentioned by any of their names.
         */
        private static boolean isTriggered(LoreEntry e, Mentions recent, Map<String, CharacterSheet> byName,
                                           Set<Long> presentIds) {
            for (String k : e.keywords()) {
                if (recent.contains(k)) {
                    return true;
                }
                CharacterSheet c = byName.get(Mentions.normalize(k));
                if (c != null) {
                    if (presentIds.contains(c.id())) {
                        return true;
                    }
                    for (String n : names(c)) {
                        if (recent.contains(n)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static List<String> names(CharacterSheet c) {
            List<String> names = new ArrayList<>();
            names.add(c.name());
            names.addAll(c.aliases());
            return names;
        }

        // ---- how each piece reads ----

        private String character(CharacterSheet c) {
            StringBuilder sb = new StringBuilder("## ").append(c.name().strip());
            List<String> aliases = new ArrayList<>();
            for (String a : c.aliases()) {
                if (!a.isBlank()) {
                    aliases.add(a.strip());
                }
            }
            if (!aliases.isEmpty()) {
                sb.append(" (also called ").append(String.join(", ", aliases)).append(')');
            }
            if (in.target() != null && Objects.equals(in.target().povCharacterId(), c.id())) {
                sb.append("\nThe scene is told from this character's point of view.");
            }
            for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
                if (field == CharacterSheet.Field.PRIVATE_NOTES) {
                    continue; // the writer's own: never sent to the model
                }
                String value = c.get(field);
                if (!value.isBlank()) {
                    sb.append('\n').append(field.label()).append(": ").append(value.strip());
                }
            }
            boolean heading = false;
            for (Fact f : c.facts()) {
                if (!f.text().isBlank()) {
                    if (!heading) {
                        sb.append("\nEstablished facts:");
                        heading = true;
                    }
                    sb.append("\n- ").append(f.text().strip());
                }
            }
            return sb.toString();
        }

        private static String lore(LoreEntry e) {
            String title = e.title().isBlank() ? String.join(", ", e.keywords()) : e.title().strip();
            return (title.isBlank() ? "" : "## " + title + "\n") + e.content().strip();
        }

        private static String loreLabel(LoreEntry e) {
            return e.title().isBlank() ? String.join(", ", e.keywords()) : e.title().strip();
        }

        private static String verbatim(Scene s) {
            return sceneHeading(s) + "\n\n" + s.prose().text().strip();
        }

        private static String sceneHeading(Scene s) {
            return "## " + sceneLabel(s);
        }

        static String sceneLabel(Scene s) {
            return "Scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ": " + s.title().strip());
        }

        private static String sceneIntro(Scene s) {
            return "Here is scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ", “" + s.title().strip()
                    + "”,") + " so far:\n\n";
        }

        private static String passageIntro(Scene s) {
            return "Here is scene " + (s.position() + 1) + (s.title().isBlank() ? "" : ", “" + s.title().strip()
                    + "”,") + " as it stands, with " + PASSAGE_MARK + " where the passage to rewrite is:\n\n";
        }

        /** The target's text the request sees: up to the cursor when continuing, else all of it. */
        private String targetText() {
            String text = in.target().prose().text();
            PromptInput.Anchor a = in.anchor();
            return a != null && a.isCursor() ? text.substring(0, a.start()) : text;
        }

        private SceneText sceneText() {
            Scene target = in.target();
            if (!slotsUsed.contains("scene_text") || target == null) {
                return new SceneText("", "", null);
            }
            PromptInput.Anchor a = in.anchor();
            if (a == null || a.isCursor()) {
                String text = targetText().strip();
                return new SceneText(text.isEmpty() ? "" : sceneIntro(target), text, null);
            }
            String text = target.prose().text();
            String before = text.substring(0, a.start()).stripLeading();
            String after = text.substring(a.end()).stripTrailing();
            boolean nothingAround = before.isBlank() && after.isBlank();
            return new SceneText(nothingAround ? "" : passageIntro(target), nothingAround ? "" : before,
                    nothingAround ? null : after);
        }

        /**
         * The scene worked on as the request sees it: its text (before the passage, or up to the cursor, or all of
         * it) and, when rewriting, the text after the passage, whose place is marked between them.
         */
        private final class SceneText {
            final String intro;
            final String before;
            final String after;

            SceneText(String intro, String before, String after) {
                this.intro = intro;
                this.before = before;
                this.after = after;
            }

            int tokens() {
                return counter.count(before) + (after == null ? 0 : counter.count(after));
            }

            /**
             * The slot's text in at most {@code room} tokens of the scene's own words (all of them when negative):
             * the end of the text when continuing; around the passage when rewriting.
             */
            String render(int room) {
                if (intro.isEmpty()) {
                    return "";
                }
                if (after == null) {
                    String kept = room < 0 ? before : Trim.keepEnd(before, room, counter);
                    return kept.isEmpty() ? "" : intro + (kept.length() < before.length() ? "[…] " : "") + kept;
                }
                // what leads into the passage matters most, but what it must lead into gets a third of the room
                int forAfter = room < 0 ? 0 : Math.min(counter.count(after), room / 3);
                String lead = room < 0 ? before : keepEndOf(before, room - forAfter);
                int left = room < 0 ? -1 : Math.max(0, room - counter.count(lead));
                String follow = left < 0 ? after : keepStartOf(after, left);
                if (lead.isBlank() && follow.isBlank()) {
                    return ""; // the passage alone, rather than a scene with nothing of it left
                }
                return intro + (lead.length() < before.length() ? "[…] " : "") + lead + PASSAGE_MARK + follow
                        + (follow.length() < after.length() ? " […]" : "");
            }

            /** The end of {@code text} within {@code room}, keeping the space between it and the passage. */
            private String keepEndOf(String text, int room) {
                String body = text.stripTrailing();
                String kept = Trim.keepEnd(body, room, counter);
                return kept.isEmpty() ? "" : kept + text.substring(body.length());
            }

            /** The start of {@code text} within {@code room}, keeping the space between the passage and it. */
            private String keepStartOf(String text, int room) {
                String body = text.stripLeading();
                String kept = Trim.keepStart(body, room, counter);
                return kept.isEmpty() ? "" : text.substring(0, text.length() - body.length()) + kept;
            }
        }

        /**
         * In co-writing, the characters present whom the writer plays, and that the model must leave them to the
         * writer; "" when the model plays everyone present.
         */
        private String turns(Cast cast) {
            List<String> names = new ArrayList<>();
            for (CharacterSheet c : cast.present) {
                if (c.playedBy() == PlayedBy.WRITER && !c.name().isBlank()) {
                    names.add(c.name().strip());
                }
            }
            if (names.isEmpty()) {
                return "";
            }
            List<String> possessives = new ArrayList<>();
            names.forEach(n -> possessives.add(n + "'s"));
            turnsLabel = "The author plays " + list(names, "and");
            return TURNS_HEADING + "\n" + turnsLabel + ". Write only the other characters and the world around "
                    + "them. Never write " + list(possessives, "or") + " speech, actions or thoughts; stop at the "
                    + "point where " + (names.size() == 1 ? names.get(0) : "one of them") + " would act or speak "
                    + "next, and leave that to the author.";
        }

        private static String list(List<String> items, String conjunction) {
            if (items.size() == 1) {
                return items.get(0);
            }
            return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                    + items.get(items.size() - 1);
        }
    }

    /** Premise, style guide, about the writer and the avoid list, under the story's title. */
    public static String bible(Story story) {
        StringBuilder sb = new StringBuilder("# Story bible: ").append(story.title().strip());
        section(sb, "Premise", story.premise());
        section(sb, "Style guide", story.styleGuide());
        section(sb, "About the author", story.aboutWriter());
        boolean heading = false;
        for (String a : story.avoidList()) {
            if (!a.isBlank()) {
                if (!heading) {
                    sb.append("\n\n## Avoid (names, phrases and habits the author does not want)");
                    heading = true;
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
