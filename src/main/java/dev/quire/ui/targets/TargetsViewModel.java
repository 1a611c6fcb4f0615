package dev.quire.ui.targets;

import dev.quire.model.WordShares;
import dev.quire.store.WordLog;
import dev.quire.studio.Studio;
import dev.quire.studio.WordTargets;
import dev.quire.ui.common.Background;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A story's word targets as the status bar shows them: the story's length against its target, today's words
 * against the day's, and the words written per day, the writer's apart from the model's.
 */
public final class TargetsViewModel {

    /** Days the history chart shows. */
    public static final int HISTORY_DAYS = 14;

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final ObservableIntegerValue storyWords;
    private final Supplier<LocalDate> today;
    private final ObjectProperty<WordTargets.Targets> targets = new SimpleObjectProperty<>(this, "targets",
            WordTargets.Targets.NONE);
    private final ObjectProperty<WordShares> todayWords = new SimpleObjectProperty<>(this, "todayWords",
            WordShares.NONE);
    private final IntegerProperty todayTotal = new SimpleIntegerProperty(this, "todayTotal");
    private final DoubleProperty storyProgress = new SimpleDoubleProperty(this, "storyProgress");
    private final DoubleProperty todayProgress = new SimpleDoubleProperty(this, "todayProgress");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObservableList<WordLog.Day> history = FXCollections.observableArrayList();
    private int loads;

    public TargetsViewModel(Studio studio, Background background, long storyId, ObservableIntegerValue storyWords) {
        this(studio, background, storyId, storyWords, LocalDate::now);
    }

    TargetsViewModel(Studio studio, Background background, long storyId, ObservableIntegerValue storyWords,
                     Supplier<LocalDate> today) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        this.storyWords = storyWords;
        this.today = today;
        storyWords.addListener(o -> {
            show();
            refresh();
        });
    }

    /** Reads the targets, today's words and the history, off the FX thread. */
    public void refresh() {
        int mine = ++loads;
        LocalDate day = today.get();
        background.read(() -> new Loaded(studio.targets().of(storyId), studio.targets().history(storyId, day,
                HISTORY_DAYS))).onSuccess(loaded -> {
                    if (mine != loads) {
                        return;
                    }
                    targets.set(loaded.targets());
                    history.setAll(loaded.history());
                    todayWords.set(loaded.history().get(loaded.history().size() - 1).words());
                    show();
                }).onError(e -> problem.set("Quire could not read the word targets: " + e.getMessage()))
                .start();
    }

    private record Loaded(WordTargets.Targets targets, List<WordLog.Day> history) {
    }

    /** Saves new targets (0 for none). */
    public void save(int story, int daily) {
        WordTargets.Targets set = new WordTargets.Targets(Math.max(0, story), Math.max(0, daily));
        background.write(() -> studio.targets().set(storyId, set)).onSuccess(v -> {
            targets.set(set);
            show();
        }).onError(e -> problem.set("Quire could not save the word targets: " + e.getMessage())).start();
    }

    private void show() {
        WordTargets.Targets t = targets.get();
        int words = storyWords.get();
        int todays = todayWords.get().total();
        todayTotal.set(todays);
        storyProgress.set(t.story() == 0 ? 0 : Math.min(1, words / (double) t.story()));
        todayProgress.set(t.daily() == 0 ? 0 : Math.min(1, Math.max(0, todays) / (double) t.daily()));
        StringBuilder s = new StringBuilder();
        if (t.story() > 0) {
            s.append(number(words)).append(" / ").append(number(t.story()));
        }
        if (t.daily() > 0) {
            s.append(s.isEmpty() ? "" : " · ").append("Today ").append(number(todays)).append(" / ")
                    .append(number(t.daily()));
        }
        summary.set(s.toString());
    }

    static String number(int n) {
        return NumberFormat.getIntegerInstance().format(n);
    }

    public long storyId() {
        return storyId;
    }

    public ObjectProperty<WordTargets.Targets> targetsProperty() {
        return targets;
    }

    public ObjectProperty<WordShares> todayWordsProperty() {
        return todayWords;
    }

    public IntegerProperty todayTotalProperty() {
        return todayTotal;
    }

    public DoubleProperty storyProgressProperty() {
        return storyProgress;
    }

    public DoubleProperty todayProgressProperty() {
        return todayProgress;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<WordLog.Day> history() {
        return history;
    }

    public ObservableIntegerValue storyWords() {
        return storyWords;
    }
}
