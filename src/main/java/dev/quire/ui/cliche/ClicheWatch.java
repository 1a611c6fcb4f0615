package dev.quire.ui.cliche;

import dev.quire.cliche.Detector;
import dev.quire.cliche.Finding;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * Cliché watch for one story in the window: whether findings show, the story's detector (its avoid list and the
 * names its model keeps reaching for, less what it allows), texts scanned off the FX thread, and the writer's
 * answers to a finding (allow it in the story, add it to the avoid list). Whoever shows findings scans again when
 * {@link #revisionProperty()} moves.
 */
public final class ClicheWatch {

    private final Studio studio;
    private final Background background;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private long storyId = -1;
    private volatile Detector detector;

    public ClicheWatch(Studio studio, Background background) {
        this.studio = studio;
        this.background = background;
    }

    /** Watches this story from now on; findings are scanned again. */
    public void story(long story) {
        if (story != storyId) {
            storyId = story;
            detector = null;
            revision.set(revision.get() + 1);
        }
    }

    public long storyId() {
        return storyId;
    }

    /** Scans the text off the FX thread; {@code then} gets the findings on it, or nothing when none show. */
    public void scan(String text, Consumer<List<Finding>> then) {
        long story = storyId;
        if (!shown.get() || story < 0 || text.isBlank()) {
            then.accept(List.of());
            return;
        }
        background.read(() -> detector(story).scan(text))
                .onSuccess(found -> then.accept(shown.get() && story == storyId ? found : List.of()))
                .describedAs("Quire could not look for clichés")
                .start();
    }

    private Detector detector(long story) {
        Detector d = detector;
        if (d == null) {
            d = studio.cliches().detector(story).withRecurring(studio.cliches().recurring(story));
            detector = d;
        }
        return d;
    }

    /** A generation has ended: the names the model keeps reaching for are counted again at the next scan. */
    public void generationEnded() {
        detector = null;
    }

    /** This finding is no longer flagged anywhere in the story. */
    public void allowInStory(Finding f) {
        // a construction's rule covers every sentence of its shape: allow only these words
        String entry = f.kind() == Finding.Kind.CONSTRUCTION ? f.text() : f.rule();
        change(() -> studio.cliches().allow(storyId, entry), "Allowed in this story: “" + f.text() + "”.",
                "Quire could not allow “" + f.text() + "”");
    }

    /** Puts the finding's words on the story's avoid list: the model is asked not to write them. */
    public void addToAvoidList(Finding f) {
        change(() -> studio.cliches().addToAvoidList(storyId, f.text()), "On the avoid list: “" + f.text() + "”.",
                "Quire could not add “" + f.text() + "” to the avoid list");
    }

    /** Adds words to the story's avoid list. */
    public void addToAvoidList(String words) {
        change(() -> studio.cliches().addToAvoidList(storyId, words), "On the avoid list: “" + words + "”.",
                "Quire could not add “" + words + "” to the avoid list");
    }

    private void change(java.util.function.Supplier<List<String>> job, String done, String failed) {
        long story = storyId;
        background.write(() -> {
            job.get();
            return studio.cliches().detector(story).withRecurring(studio.cliches().recurring(story));
        }).onSuccess(d -> {
            if (story == storyId) {
                detector = d;
                revision.set(revision.get() + 1);
            }
            notice.set(done);
        }).describedAs(failed).start();
    }

    /** Whether findings are underlined: the writer's toggle. */
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

    /** Why a finding is flagged, for its tooltip and menu: its kind and the list it comes from. */
    public static String why(Finding f) {
        // the rule's pattern is for the CLI; the writer sees which list it comes from
        int colon = f.rule().indexOf(':');
        String list = colon > 0 ? f.rule().substring(0, colon) : f.rule();
        if (f.kind() == Finding.Kind.RECURRING && colon > 0) {
            return kind(f) + ": " + f.rule().substring(colon + 1).replaceFirst("^\\S+ in ", "in ");
        }
        return kind(f) + (list.isBlank() || f.kind() == Finding.Kind.AVOID ? "" : ", from the built-in “" + list
                + "” list");
    }

    /** What kind of stock item it is, in the writer's words: "A stock phrase". */
    public static String kind(Finding f) {
        return switch (f.kind()) {
            case WORD -> "An over-used word";
            case PHRASE -> "A stock phrase";
            case NAME -> "A name models reach for by default";
            case CONSTRUCTION -> "A stock construction";
            case AVOID -> "On this story's avoid list";
            case RECURRING -> "A name the model keeps using that you never kept";
        };
    }

    /** "1 cliché", "4 clichés", or empty for none. */
    public static String count(int n) {
        return n == 0 ? "" : n == 1 ? "1 cliché" : n + " clichés";
    }
}
