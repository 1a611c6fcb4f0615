package dev.quire.studio;

import dev.quire.model.Prose;
import dev.quire.model.SearchQuery;
import dev.quire.model.Span;
import dev.quire.store.ReplaceRepository;
import dev.quire.store.ReplaceRepository.Replace;
import dev.quire.store.ReplaceRepository.SceneChange;
import dev.quire.store.PersistenceException;
import dev.quire.store.SceneRepository;
import dev.quire.store.SearchIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Story-wide search and replace. The library's index narrows a search to the scenes that can match; the exact
 * matches and their offsets (UTF-16 code units, end exclusive, as {@code show-scene} counts them) are found here.
 * A replace is previewed change by change, applied in one transaction with a revision of each changed scene, and
 * undone as one step.
 */
public final class Search {

    /** Characters of context on each side of a match, before it is trimmed to whole words. */
    static final int CONTEXT = 48;

    private final SearchIndex index;
    private final ReplaceRepository replaces;
    private final SceneRepository scenes;

    Search(SearchIndex index, ReplaceRepository replaces, SceneRepository scenes) {
        this.index = index;
        this.replaces = replaces;
        this.scenes = scenes;
    }

    /** A match in a scene: its offsets and the line of text around it, split at the match. */
    public record Hit(int start, int end, String before, String match, String after) {
        /** The match with its context, on one line. */
        public String context() {
            return before + match + after;
        }
    }

    /** A scene's matches, in order: the scene's id, its number in story order (from 1) and its title. */
    public record SceneHits(long sceneId, int number, String title, List<Hit> hits) {
    }

    /** One change a replace would make: where, the match in its context, and what it becomes. */
    public record Change(long sceneId, int number, String title, Hit hit, String replacement) {
    }

    /** What a replace would do, before it is applied: every change, and the texts they were worked out from. */
    public record Preview(long storyId, SearchQuery query, String replacement, List<Change> changes,
                          Map<Long, String> texts) {
        public long scenes() {
            return changes.stream().map(Change::sceneId).distinct().count();
        }
    }

    /**
     * The story's matches for {@code query}, grouped by scene in story order.
     *
     * @throws IllegalArgumentException for a regular expression that does not compile
     */
    public List<SceneHits> find(long storyId, SearchQuery query) {
        if (query.isEmpty()) {
            return List.of();
        }
        Pattern pattern = query.pattern();
        List<SceneHits> out = new ArrayList<>();
        for (SearchIndex.Candidate scene : index.candidates(storyId, query)) {
            List<Hit> hits = new ArrayList<>();
            String lowered = query.matchCase() || query.regex() ? scene.text() : SearchQuery.lowered(scene.text());
            for (SearchQuery.Match m : query.matches(pattern, scene.text(), lowered)) {
                hits.add(hit(scene.text(), m.start(), m.end()));
            }
            if (!hits.isEmpty()) {
                out.add(new SceneHits(scene.sceneId(), scene.number(), scene.title(), List.copyOf(hits)));
            }
        }
        return out;
    }

    /**
     * Every change replacing the matches of {@code query} with {@code replacement} would make. For a regular
     * expression the replacement may name groups ({@code $1}); otherwise it is taken as it is.
     */
    public Preview preview(long storyId, SearchQuery query, String replacement) {
        if (query.isEmpty()) {
            return new Preview(storyId, query, replacement, List.of(), Map.of());
        }
        Pattern pattern = query.pattern();
        String with = query.regex() ? replacement : Matcher.quoteReplacement(replacement);
        List<Change> changes = new ArrayList<>();
        Map<Long, String> texts = new LinkedHashMap<>();
        for (SearchIndex.Candidate scene : index.candidates(storyId, query)) {
            String text = scene.text();
            if (!query.regex()) {
                String lowered = query.matchCase() ? text : SearchQuery.lowered(text);
                for (SearchQuery.Match m : query.matches(pattern, text, lowered)) {
                    changes.add(new Change(scene.sceneId(), scene.number(), scene.title(),
                            hit(text, m.start(), m.end()), replacement));
                    texts.put(scene.sceneId(), text);
                }
                continue;
            }
            Matcher m = pattern.matcher(text);
            StringBuilder sink = new StringBuilder();
            int appended = 0;
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                int from = sink.length() + (m.start() - appended);
                try {
                    m.appendReplacement(sink, with);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new IllegalArgumentException("The replacement does not work with this expression: "
                            + e.getMessage(), e);
                }
                appended = m.end();
                changes.add(new Change(scene.sceneId(), scene.number(), scene.title(), hit(text, m.start(), m.end()),
                        sink.substring(from)));
                texts.put(scene.sceneId(), text);
            }
        }
        return new Preview(storyId, query, replacement, List.copyOf(changes), texts);
    }

    /**
     * Applies the chosen changes of {@code preview} (by their index in {@link Preview#changes()}) in one
     * transaction: a revision of each changed scene before and after. The replaced text is the writer's, in the
     * style (italic, bold) of the text it replaces.
     *
     * @throws dev.quire.store.PersistenceException when a scene changed since the preview; nothing is written
     */
    public Replace apply(Preview preview, Collection<Integer> chosen) {
        Map<Long, List<Change>> byScene = new LinkedHashMap<>();
        Set<Integer> picked = Set.copyOf(chosen);
        int count = 0;
        for (int i = 0; i < preview.changes().size(); i++) {
            if (picked.contains(i)) {
                Change change = preview.changes().get(i);
                byScene.computeIfAbsent(change.sceneId(), k -> new ArrayList<>()).add(change);
                count++;
            }
        }
        List<SceneChange> scenes = new ArrayList<>();
        for (Map.Entry<Long, List<Change>> e : byScene.entrySet()) {
            String text = preview.texts().get(e.getKey());
            scenes.add(new SceneChange(e.getKey(), text, replaced(text, e.getValue())));
        }
        return replaces.apply(preview.storyId(), preview.query().text(), preview.replacement(), count, scenes);
    }

    /** The scene's prose with {@code changes} made, from the last to the first so earlier offsets hold. */
    private Prose replaced(String text, List<Change> changes) {
        long sceneId = changes.get(0).sceneId();
        Prose now = scenes.get(sceneId).map(dev.quire.model.Scene::prose)
                .filter(p -> p.text().equals(text))
                .orElseThrow(() -> new PersistenceException("“" + changes.get(0).title() + "” changed while the"
                        + " replace was being prepared. Nothing was replaced; search again to see its text as it is now."));
        return replacedIn(now, changes);
    }

    static Prose replacedIn(Prose prose, List<Change> changes) {
        Prose out = prose;
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            Span style = out.slice(c.hit().start(), c.hit().start() + 1).spans().get(0);
            Prose piece = c.replacement().isEmpty() ? Prose.EMPTY : new Prose.Builder()
                    .append(c.replacement(), dev.quire.model.Provenance.WRITER, style.italic(), style.bold()).build();
            out = out.replace(c.hit().start(), c.hit().end(), piece);
        }
        return out;
    }

    /** Undoes a replace as one step; the scenes whose text changed back. */
    public List<Long> undo(long replaceId) {
        return replaces.undo(replaceId);
    }

    /** The story's newest replace not yet undone. */
    public java.util.Optional<Replace> latest(long storyId) {
        return replaces.latest(storyId);
    }

    /** The match at {@code start}..{@code end} with up to {@link #CONTEXT} characters each side, on one line. */
    static Hit hit(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        int para = text.lastIndexOf('\n', start - 1);
        if (para >= from) {
            from = para + 1;
        } else if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : from;
        }
        int paraEnd = text.indexOf('\n', end);
        if (paraEnd >= 0 && paraEnd <= to) {
            to = paraEnd;
        } else if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > end ? space : to;
        }
        String before = (from > 0 && text.charAt(from - 1) != '\n' ? "…" : "") + text.substring(from, start);
        String after = text.substring(end, to) + (to < text.length() && text.charAt(to) != '\n' ? "…" : "");
        return new Hit(start, end, oneLine(before), oneLine(text.substring(start, end)), oneLine(after));
    }

    /** Paragraph and line breaks as spaces: JavaFX draws a line break inside a paragraph (U+2028) as nothing. */
    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\u2028', ' ');
    }
}
