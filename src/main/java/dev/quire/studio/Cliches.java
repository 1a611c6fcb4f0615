package dev.quire.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cliche.Detector;
import dev.quire.cliche.Finding;
import dev.quire.cliche.Recurring;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Generation;
import dev.quire.model.LoreEntry;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.store.PersistenceException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cliché watch over a story: its detector (the built-in lists, extended by the story's avoid list and the names
 * its model keeps reaching for, less what the story allows), its scenes scanned, the recurring items across its
 * generations, and its avoid and allow lists. The avoid list is the story's own ({@link Story#avoidList()}, sent
 * with the bible); what the story allows is kept in the settings under {@value #ALLOWED}{@code <story id>}.
 */
public final class Cliches {

    static final String ALLOWED = "cliche.allowed.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Studio studio;

    Cliches(Studio studio) {
        this.studio = studio;
    }

    /** One scene scanned. */
    public record SceneScan(long sceneId, int number, String title, int words, List<Finding> findings) {
    }

    /** The story's detector, without the recurring names (they need the generations read). */
    public Detector detector(long storyId) {
        Story story = story(storyId);
        return Detector.builtIn().withAvoid(story.avoidList()).withAllowed(allowed(storyId));
    }

    /** Every scene of the story, or only scene {@code number} (from 1), with the recurring names flagged too. */
    public List<SceneScan> scanScenes(long storyId, Integer number, List<Recurring.Item> recurring) {
        Detector detector = detector(storyId).withRecurring(recurring);
        List<Scene> scenes = studio.scenes().all(storyId);
        List<SceneScan> out = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            if (number != null && number != i + 1) {
                continue;
            }
            Scene s = scenes.get(i);
            String text = s.prose().text();
            out.add(new SceneScan(s.id(), i + 1, s.title(), Detector.words(text), detector.scan(text)));
        }
        return out;
    }

    /**
     * Names and stock items the model used in {@value Recurring#THRESHOLD} of the story's last
     * {@value Recurring#WINDOW} generations, each with whether the writer kept it.
     */
    public List<Recurring.Item> recurring(long storyId) {
        List<Generation> all = new ArrayList<>(studio.generations().forStory(storyId));
        java.util.Collections.reverse(all);
        List<Recurring.Generation> newestFirst = new ArrayList<>();
        for (Generation g : all) {
            if (newestFirst.size() == Recurring.WINDOW) {
                break;
            }
            List<String> texts = new ArrayList<>();
            for (Variant v : studio.generations().variants(g.id())) {
                if (!v.text().isBlank()) {
                    texts.add(v.text());
                }
            }
            if (!texts.isEmpty()) {
                newestFirst.add(new Recurring.Generation(g.id(), texts));
            }
        }
        List<String> kept = new ArrayList<>();
        for (Scene s : studio.scenes().all(storyId)) {
            kept.add(s.prose().text());
        }
        for (CharacterSheet c : studio.characters().list(storyId)) {
            kept.add(c.name());
            kept.addAll(c.aliases());
        }
        for (LoreEntry e : studio.lore().list(storyId)) {
            kept.add(e.title());
        }
        return Recurring.find(newestFirst, kept, detector(storyId));
    }

    /**
     * Phrases the writer cut from at least {@value dev.quire.cliche.Proposals#THRESHOLD} of the model's variants, in
     * the generations they took something from (cut after taking, or passed over in a variant not taken), and kept
     * nowhere in the story: proposed for the avoid list, never added without the writer.
     */
    public List<dev.quire.cliche.Proposals.Proposal> proposed(long storyId) {
        List<String> kept = new ArrayList<>();
        Set<Long> taken = new java.util.HashSet<>();
        for (Scene s : studio.scenes().all(storyId)) {
            kept.add(s.prose().text());
            for (dev.quire.model.Span span : s.prose().spans()) {
                if (span.provenance().isVariant() && span.provenance().variantId() != null) {
                    taken.add(span.provenance().variantId());
                }
            }
        }
        String keptText = String.join("\n", kept);
        List<String> cut = new ArrayList<>();
        for (Generation g : studio.generations().forStory(storyId)) {
            List<Variant> variants = studio.generations().variants(g.id());
            if (variants.stream().noneMatch(v -> taken.contains(v.id()))) {
                continue;
            }
            for (Variant v : variants) {
                if (!v.text().isBlank()) {
                    cut.add(dev.quire.cliche.Proposals.cut(v.text(), keptText));
                }
            }
        }
        return dev.quire.cliche.Proposals.find(cut, kept, avoidList(storyId));
    }

    public List<String> avoidList(long storyId) {
        return story(storyId).avoidList();
    }

    /** Adds an entry to the story's avoid list (once, whatever its case); the list as it now stands. */
    public List<String> addToAvoidList(long storyId, String entry) {
        String e = entry.strip();
        if (e.isEmpty()) {
            throw new IllegalArgumentException("An avoid-list entry needs some words.");
        }
        return studio.database().transaction("add to the avoid list", () -> {
            Story story = story(storyId);
            List<String> list = new ArrayList<>(story.avoidList());
            if (list.stream().noneMatch(x -> same(x, e))) {
                list.add(e);
                studio.stories().update(story.withBible(story.premise(), story.styleGuide(), story.aboutWriter(), list));
            }
            return List.copyOf(list);
        });
    }

    /** Removes an entry (any case); false when the list has no such entry. */
    public boolean removeFromAvoidList(long storyId, String entry) {
        return studio.database().transaction("remove from the avoid list", () -> {
            Story story = story(storyId);
            List<String> list = new ArrayList<>(story.avoidList());
            if (!list.removeIf(x -> same(x, entry))) {
                return false;
            }
            studio.stories().update(story.withBible(story.premise(), story.styleGuide(), story.aboutWriter(), list));
            return true;
        });
    }

    /** What the story allows: rules ({@code names:Chen}) or words the writer means. */
    public List<String> allowed(long storyId) {
        return studio.settings().get(ALLOWED + storyId).map(Cliches::parse).orElse(List.of());
    }

    /** Allows a rule or some words in this story: they are no longer flagged. */
    public List<String> allow(long storyId, String entry) {
        String e = entry.strip();
        return studio.database().transaction("allow in this story", () -> {
            Set<String> list = new LinkedHashSet<>(allowed(storyId));
            if (!e.isEmpty() && list.stream().noneMatch(x -> same(x, e))) {
                list.add(e);
                put(storyId, List.copyOf(list));
            }
            return List.copyOf(list);
        });
    }

    private void put(long storyId, List<String> list) {
        try {
            studio.settings().put(ALLOWED + storyId, JSON.writeValueAsString(list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private Story story(long storyId) {
        return studio.stories().get(storyId)
                .orElseThrow(() -> new PersistenceException("There is no story " + storyId + " in the library."));
    }
}
