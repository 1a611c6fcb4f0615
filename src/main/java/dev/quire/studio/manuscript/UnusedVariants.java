package dev.quire.studio.manuscript;

import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Span;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the variants of a story's generations that the story does not use. A variant counts as used
 * when a scene has text marked as coming from it, or when any one of its paragraphs of
 * {@value #MIN_MATCH} characters or more (or the whole variant, if shorter) appears word for word in
 * a scene, ignoring emphasis marks, letter case, quote styles and spacing. Empty variants are left out.
 * It is a heuristic: a variant the writer rewrote sentence by sentence reads as unused.
 */
final class UnusedVariants {

    static final int MIN_MATCH = 30;

    private UnusedVariants() {
    }

    static List<ExportedStory.UnusedVariant> find(Studio studio, long storyId, List<Scene> scenes) {
        Set<Long> marked = new HashSet<>();
        StringBuilder all = new StringBuilder();
        Map<Long, Scene> byId = new HashMap<>();
        for (Scene s : scenes) {
            byId.put(s.id(), s);
            for (Span span : s.prose().spans()) {
                Provenance p = span.provenance();
                if (!p.isWriter() && p.variantId() != null) {
                    marked.add(p.variantId());
                }
            }
            all.append(normalize(s.prose().text())).append('\n');
        }
        String story = all.toString();
        List<ExportedStory.UnusedVariant> out = new ArrayList<>();
        for (Generation g : studio.generations().forStory(storyId)) {
            Scene scene = g.sceneId() == null ? null : byId.get(g.sceneId());
            for (Variant v : studio.generations().variants(g.id())) {
                if (v.text().isBlank() || marked.contains(v.id()) || appears(v.text(), story)) {
                    continue;
                }
                out.add(new ExportedStory.UnusedVariant(scene == null ? 0 : scene.position() + 1,
                        scene == null ? "" : scene.title(), g.id(), v.label(), g.model(), g.started(),
                        asProse(v.text())));
            }
        }
        out.sort((a, b) -> a.scene() != b.scene() ? Integer.compare(order(a.scene()), order(b.scene())) : 0);
        return out;
    }

    /** Scene order, with variants for no scene (a new scene never kept) last. */
    private static int order(int scene) {
        return scene == 0 ? Integer.MAX_VALUE : scene;
    }

    static boolean appears(String variant, String normalizedStory) {
        String whole = normalize(variant);
        if (whole.isEmpty()) {
            return true;
        }
        if (normalizedStory.contains(whole)) {
            return true;
        }
        for (String paragraph : variant.split("\\n")) {
            String p = normalize(paragraph);
            if (p.length() >= MIN_MATCH && normalizedStory.contains(p)) {
                return true;
            }
        }
        return false;
    }

    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '_') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '\u2018':
                case '\u2019':
                    out.append('\'');
                    break;
                case '\u201C':
                case '\u201D':
                    out.append('"');
                    break;
                default:
                    out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A model's text with its Markdown emphasis read, paragraphs at blank lines. */
    private static Prose asProse(String text) {
        TextBlocks.Result r = TextBlocks.read(text.replace("\r\n", "\n"), true);
        List<Prose> paragraphs = new ArrayList<>();
        for (Block b : r.blocks()) {
            paragraphs.add(switch (b.kind()) {
                case PARAGRAPH -> b.prose();
                case HEADING -> Prose.plain(b.heading());
                default -> Prose.plain(SceneBreaks.MARK);
            });
        }
        return ProseCuts.joinAll(paragraphs);
    }
}
