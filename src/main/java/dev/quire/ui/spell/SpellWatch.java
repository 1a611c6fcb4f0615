package dev.quire.ui.spell;

import dev.quire.spell.KnownWords;
import dev.quire.spell.SpellChecks;
import dev.quire.spell.SpellFinding;
import dev.quire.spell.Speller;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Spell check for one story in the window: its language, what it counts as known (names, lore, its dictionary, the
 * personal one, and what the writer ignored while the window is open), and texts checked on one thread of its own,
 * so a first check of a long scene never holds up the window's reads. LanguageTool loads there the first time a text
 * is checked, after start-up. Whoever shows findings checks again when {@link #revisionProperty()} moves.
 */
public final class SpellWatch {

    /** One thread for every window's checks: LanguageTool checks one text at a time anyway. */
    private static final ExecutorService SPELL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quire-spell");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /** What a check needs, read once per story and whenever what is known may have changed. */
    private record Setup(long story, long generation, Speller speller, KnownWords known, boolean grammar) {
    }

    /** Moves when a story's language or the grammar setting changes: every watch reads them again. */
    private static final IntegerProperty SETTINGS = new SimpleIntegerProperty();

    private final Studio studio;
    private final Background background;
    private final javafx.beans.InvalidationListener settings = o -> changed();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final Set<String> ignored = new HashSet<>();
    private volatile long storyId = -1;
    private volatile Setup setup;
    /** Moves with every change to what is known, so a setup read before it is not kept. */
    private volatile long generation;

    public SpellWatch(Studio studio, Background background) {
        this.studio = studio;
        this.background = background;
        SETTINGS.addListener(new javafx.beans.WeakInvalidationListener(settings));
    }

    /** A story's language or the grammar setting changed: every open text is checked again. */
    static void settingsChanged() {
        SETTINGS.set(SETTINGS.get() + 1);
    }

    /**
     * Reads the story's known words again (a character may have been renamed or added) and checks again when they
     * differ from those in use.
     */
    public void refreshKnown() {
        long story = storyId;
        Setup s = setup;
        if (story < 0 || s == null || s.story() != story) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            synchronized (ignored) {
                return studio.spelling().known(story).with(ignored);
            }
        }, SPELL).whenCompleteAsync((known, error) -> {
            if (error == null && story == storyId && !known.equals(s.known())) {
                changed();
            }
        }, background.results());
    }

    /** Watches this story from now on; texts are checked again. */
    public void story(long story) {
        if (story != storyId) {
            storyId = story;
            changed();
        }
    }

    public long storyId() {
        return storyId;
    }

    /**
     * Checks the text off the FX thread, a paragraph at a time as {@code checks} allows; {@code then} gets the result
     * on the FX thread, whether or not it is still current (ask {@code checks}). Nothing comes when spell check is
     * off, no story is known yet, or a newer check was asked for first.
     */
    public void check(SpellChecks checks, String text, Consumer<SpellChecks.Result> then) {
        long story = storyId;
        long ticket = checks.ask();
        if (!shown.get() || story < 0) {
            return;
        }
        // loading LanguageTool and the first check wait for the window to be up
        dev.quire.ui.common.Startup.afterFirstFrame(() -> CompletableFuture.supplyAsync(() -> {
            Setup s = setup(story);
            return checks.run(ticket, text, p -> s.speller().check(p, s.known(), s.grammar()));
        }, SPELL).whenCompleteAsync((result, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                notice.set("Spell check is not available: " + cause.getMessage());
            } else if (shown.get() && story == storyId) {
                result.ifPresent(then);
            }
        }, background.results()));
    }

    private Setup setup(long story) {
        Setup s = setup;
        long now = generation;
        if (s == null || s.story() != story || s.generation() != now) {
            Speller speller = studio.spelling().speller(studio.spelling().language(story));
            KnownWords known;
            synchronized (ignored) {
                known = studio.spelling().known(story).with(ignored);
            }
            s = new Setup(story, now, speller, known, studio.spelling().grammar());
            setup = s;
        }
        return s;
    }

    /** Adds the word to the story's dictionary, in the library: it is known from now on, here and after a restart. */
    public void addToStory(String word) {
        long story = storyId;
        background.write(() -> {
            studio.spelling().addToStory(story, word);
            return null;
        }).onSuccess(v -> {
            notice.set("Added to the story's dictionary: “" + word + "”.");
            changed();
        }).describedAs("Quire could not add “" + word + "” to the story's dictionary").start();
    }

    /** Adds the word to the writer's personal dictionary, which every story knows. */
    public void addToPersonal(String word) {
        background.write(() -> {
            studio.spelling().addPersonal(word);
            return null;
        }).onSuccess(v -> {
            notice.set("Added to your dictionary: “" + word + "”.");
            changed();
        }).describedAs("Quire could not add “" + word + "” to your dictionary").start();
    }

    /** The word is not flagged again while the window is open. */
    public void ignore(String word) {
        synchronized (ignored) {
            ignored.add(word);
        }
        changed();
    }

    /** The story's names, dictionary, language or grammar setting may have changed: read them again. */
    public void changed() {
        generation++;
        setup = null;
        revision.set(revision.get() + 1);
    }

    /** Whether misspellings are underlined. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Moves whenever what is flagged may have changed. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    /** What the last answer did, for the status bar. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** What a finding is, for its menu: "Not in the dictionary" or LanguageTool's message. */
    public static String why(SpellFinding f) {
        return f.kind() == SpellFinding.Kind.SPELLING ? "“" + f.text() + "”: not in the dictionary"
                : "“" + f.text() + "”: " + f.message();
    }

    /**
     * What the writer can do about a finding, for its menu: why it is marked, each suggestion ({@code use} puts one
     * in place), add the word to the story's or the writer's dictionary, ignore it.
     */
    public List<javafx.scene.control.MenuItem> actions(SpellFinding f, Consumer<String> use) {
        List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
        javafx.scene.control.MenuItem head = new javafx.scene.control.MenuItem(why(f));
        head.setDisable(true);
        items.add(head);
        for (String suggestion : f.suggestions()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
                    suggestion.isEmpty() ? "(delete)" : suggestion);
            item.getStyleClass().add("spell-suggestion");
            item.setOnAction(e -> use.accept(suggestion));
            items.add(item);
        }
        if (f.kind() == SpellFinding.Kind.SPELLING) {
            javafx.scene.control.MenuItem story = new javafx.scene.control.MenuItem("Add to story dictionary");
            story.setOnAction(e -> addToStory(f.text()));
            javafx.scene.control.MenuItem mine = new javafx.scene.control.MenuItem("Add to my dictionary");
            mine.setOnAction(e -> addToPersonal(f.text()));
            items.addAll(List.of(story, mine));
        }
        javafx.scene.control.MenuItem ignore = new javafx.scene.control.MenuItem("Ignore");
        ignore.setOnAction(e -> ignore(f.text()));
        items.add(ignore);
        return items;
    }
}
