package dev.quire.ui.cliche;

import dev.quire.cliche.Finding;
import dev.quire.cliche.Proposals;
import dev.quire.cliche.Recurring;
import dev.quire.studio.Cliches;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A story's cliché report: every scene scanned, the findings grouped by kind, and the names and stock items the
 * model keeps reaching for across its generations, each of which the writer can add to the avoid list.
 */
public final class ClicheReportViewModel {

    /** A row: a kind's heading (finding null) or one finding in one scene. */
    public record Row(Finding.Kind kind, String heading, long sceneId, int sceneNumber, String sceneTitle,
                      Finding finding) {

        public boolean isHeading() {
            return finding == null;
        }
    }

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Recurring.Item> recurring = FXCollections.observableArrayList();
    private final ObservableList<Proposals.Proposal> proposed = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private int loads;

    public ClicheReportViewModel(Studio studio, Background background, long storyId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
    }

    /** Scans the story again, off the FX thread. */
    public void reload() {
        summary.set("Reading the story…");
        background.read(() -> {
            List<Recurring.Item> items = studio.cliches().recurring(storyId);
            return new Scan(studio.cliches().scanScenes(storyId, null, items), items,
                    studio.cliches().proposed(storyId));
        }).onSuccess(scan -> {
            rows.setAll(rows(scan.scenes()));
            recurring.setAll(scan.recurring().stream().filter(i -> !i.kept()).toList());
            proposed.setAll(scan.proposed());
            int n = (int) rows.stream().filter(r -> !r.isHeading()).count();
            int words = scan.scenes().stream().mapToInt(Cliches.SceneScan::words).sum();
            String w = String.format(java.util.Locale.ROOT, "%,d", words);
            summary.set(n == 0 ? "Nothing stock found in " + w + " words."
                    : ClicheWatch.count(n) + " in " + w + " words, "
                    + String.format(java.util.Locale.ROOT, "%.1f", n * 1000.0 / Math.max(1, words))
                    + " per 1,000.");
            loads++;
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    private record Scan(List<Cliches.SceneScan> scenes, List<Recurring.Item> recurring,
                        List<Proposals.Proposal> proposed) {
    }

    static List<Row> rows(List<Cliches.SceneScan> scenes) {
        List<Row> all = new ArrayList<>();
        for (Cliches.SceneScan s : scenes) {
            for (Finding f : s.findings()) {
                all.add(new Row(f.kind(), null, s.sceneId(), s.number(), s.title(), f));
            }
        }
        all.sort(Comparator.comparing(Row::kind).thenComparing(Row::sceneNumber)
                .thenComparing(r -> r.finding().start()));
        List<Row> out = new ArrayList<>();
        Finding.Kind last = null;
        for (Row r : all) {
            if (r.kind() != last) {
                last = r.kind();
                Finding.Kind k = last;
                long count = all.stream().filter(x -> x.kind() == k).count();
                out.add(new Row(k, heading(k) + " (" + count + ")", 0, 0, "", null));
            }
            out.add(r);
        }
        return out;
    }

    static String heading(Finding.Kind k) {
        return switch (k) {
            case WORD -> "Over-used words";
            case PHRASE -> "Stock phrases";
            case NAME -> "Default names";
            case CONSTRUCTION -> "Stock constructions";
            case AVOID -> "On the avoid list";
            case RECURRING -> "Names the model keeps using";
        };
    }

    /** Puts a recurring item or a proposed phrase on the story's avoid list, and scans again. */
    public void addToAvoidList(String words) {
        background.write(() -> studio.cliches().addToAvoidList(storyId, words))
                .onSuccess(list -> reload())
                .onError(e -> problem.set(e.getMessage())).start();
    }

    public long storyId() {
        return storyId;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Recurring.Item> recurring() {
        return recurring;
    }

    /** Phrases the writer keeps cutting from the model's variants, proposed for the avoid list. */
    public ObservableList<Proposals.Proposal> proposed() {
        return proposed;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** How many scans have finished. */
    public int loads() {
        return loads;
    }
}
