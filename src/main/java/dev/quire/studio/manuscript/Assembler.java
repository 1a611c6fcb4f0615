package dev.quire.studio.manuscript;

import dev.quire.model.Prose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a manuscript's blocks into scenes. Every heading starts a scene titled with it; every break
 * starts an untitled one. A heading that opens the document is the story's title when it is a title
 * by style, or a level-1 heading with no other level-1 heading after it. A heading straight after
 * another ("Part One", then "Chapter 1") makes one title of both; a break with no text before it
 * (under a heading, at the start, after another break) starts nothing. Notes (a Word file's footnotes) go after
 * the text of the scene that refers to them.
 *
 * <p>When the rest of the manuscript has headings at level 1 and at level 2, the level-1 headings are
 * its chapters instead: each starts a chapter, and the scenes under it (started by the deeper headings
 * and the breaks, or by text straight under the chapter's heading) are that chapter's. With a single
 * level of headings there are no chapters, as before.
 */
final class Assembler {

    private Assembler() {
    }

    /**
     * @param declaredTitle a title the file declares outside its text (front matter, document properties), or ""
     * @param fallbackTitle the title when the manuscript has none (from the file name)
     */
    static Manuscript assemble(List<Block> blocks, String declaredTitle, String fallbackTitle) {
        List<Block> rest = new ArrayList<>(blocks);
        String title = declaredTitle.strip();
        if (!rest.isEmpty() && rest.get(0).kind() == Block.Kind.HEADING && isTitle(rest.get(0), rest, title)) {
            if (title.isEmpty()) {
                title = rest.get(0).heading();
            }
            rest.remove(0);
        }
        if (title.isEmpty()) {
            title = fallbackTitle;
        }
        boolean withChapters = hasHeadingAt(rest, 1) && hasHeadingAt(rest, 2);
        List<DraftScene> scenes = new ArrayList<>();
        List<String> chapters = new ArrayList<>();
        int chapter = DraftScene.NO_CHAPTER;
        // a chapter heading with nothing after it yet: a second one straight after joins its title
        boolean chapterOpening = false;
        boolean open = false;
        String sceneTitle = "";
        List<Prose> paragraphs = new ArrayList<>();
        List<Prose> notes = new ArrayList<>();
        for (Block b : rest) {
            switch (b.kind()) {
                case HEADING -> {
                    if (withChapters && b.level() == 1) {
                        if (chapterOpening) {
                            chapters.set(chapter, chapters.get(chapter) + ": " + b.heading());
                        } else {
                            add(scenes, open, sceneTitle, paragraphs, notes, chapter);
                            chapters.add(b.heading());
                            chapter = chapters.size() - 1;
                            chapterOpening = true;
                            open = false;
                            sceneTitle = "";
                            paragraphs = new ArrayList<>();
                        }
                    } else if (open && paragraphs.isEmpty()) {
                        sceneTitle = sceneTitle.isEmpty() ? b.heading() : sceneTitle + ": " + b.heading();
                        chapterOpening = false;
                    } else {
                        add(scenes, open, sceneTitle, paragraphs, notes, chapter);
                        sceneTitle = b.heading();
                        paragraphs = new ArrayList<>();
                        open = true;
                        chapterOpening = false;
                    }
                }
                case BREAK -> {
                    if (open && !paragraphs.isEmpty()) {
                        add(scenes, true, sceneTitle, paragraphs, notes, chapter);
                        sceneTitle = "";
                        paragraphs = new ArrayList<>();
                    }
                }
                case PARAGRAPH -> {
                    if (!b.prose().isEmpty()) {
                        open = true;
                        chapterOpening = false;
                        paragraphs.add(b.prose());
                    }
                }
                case NOTE -> notes.add(b.prose());
            }
        }
        add(scenes, open, sceneTitle, paragraphs, notes, chapter);
        if (!notes.isEmpty() && !scenes.isEmpty()) {
            // notes referenced from a heading after the last text: still kept, at the end
            DraftScene last = scenes.remove(scenes.size() - 1);
            List<Prose> all = new ArrayList<>(List.of(last.prose()));
            all.addAll(notes);
            scenes.add(last.withProse(ProseCuts.joinAll(all)));
        }
        return new Manuscript(title, scenes, chapters);
    }

    private static boolean hasHeadingAt(List<Block> blocks, int level) {
        return blocks.stream().anyMatch(b -> b.kind() == Block.Kind.HEADING && b.level() == level);
    }

    private static boolean isTitle(Block first, List<Block> blocks, String declared) {
        if (first.level() == 0) {
            return true;
        }
        if (first.level() != 1) {
            return false;
        }
        if (!declared.isEmpty() && !declared.toLowerCase(Locale.ROOT).equals(first.heading().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 1; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() == Block.Kind.HEADING && b.level() <= 1) {
                return false;
            }
        }
        return true;
    }

    /** Adds the scene, with the notes referenced in it after its text; the notes then start again. */
    private static void add(List<DraftScene> scenes, boolean open, String title, List<Prose> paragraphs,
                            List<Prose> notes, int chapter) {
        if (open && !(title.isEmpty() && paragraphs.isEmpty())) {
            List<Prose> all = new ArrayList<>(paragraphs);
            all.addAll(notes);
            notes.clear();
            scenes.add(new DraftScene(title, ProseCuts.joinAll(all), chapter));
        }
    }
}
