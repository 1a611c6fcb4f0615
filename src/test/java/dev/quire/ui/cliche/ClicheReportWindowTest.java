package dev.quire.ui.cliche;

import dev.quire.cliche.Finding;
import dev.quire.cliche.Recurring;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.SceneRevision;
import dev.quire.model.Variant;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story's cliché report in the real window: opened from the binder, it lists a planted phrase and name under
 * their kinds; a click opens the scene they are in with the passage selected; a name the model used in three
 * generations and the writer never kept is listed, and Add to avoid list puts it on the story's list.
 */
class ClicheReportWindowTest extends StudioWindow {

    private static final String PLANTED = "The tide came up the lane. A shiver ran down her spine. Ruth shut the door.";

    @Test
    void theReportListsFindingsByKindJumpsToThePassageAndAddsARecurringName() throws Exception {
        start();
        long openScene = fx(() -> waitForOpenScene().model().sceneId());
        stop();
        long storyId;
        long planted;
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            storyId = setup.scenes().get(openScene).orElseThrow().storyId();
            planted = setup.scenes().headers(storyId).stream().filter(h -> h.id() != openScene).findFirst()
                    .orElseThrow().id();
            Prose.Builder prose = new Prose.Builder().append(PLANTED);
            for (int i = 0; i < 3; i++) {
                // the writer took the first sentence of each and cut the stock one after it
                Generation g = setup.generations().create(new Generation(0, storyId, planted, null, "scene",
                        "anthropic", "claude-opus", "[]", "{}", null, 1, null, Instant.now(), Instant.now(),
                        Generation.Status.COMPLETE, null));
                String first = "Gulls cried " + (i + 2) + " times.";
                String[] tails = {"pressed on her.", "hung between them.", "settled over the table."};
                setup.generations().saveVariant(g.id(), 0, first + " The weight of unspoken words " + tails[i],
                        Variant.Status.COMPLETE, null, null);
                prose.append(" ").append(first, dev.quire.model.Provenance.variant("A",
                        setup.generations().variants(g.id()).get(0).id()), false, false);
            }
            setup.scenes().replaceProse(planted, prose.build(), SceneRevision.Kind.AUTOSAVE);
            for (int i = 0; i < 3; i++) {
                Generation g = setup.generations().create(new Generation(0, storyId, openScene, null, "scene",
                        "anthropic", "claude-opus", "[]", "{}", null, 1, null, Instant.now(), Instant.now(),
                        Generation.Status.COMPLETE, null));
                setup.generations().saveVariant(g.id(), 0, "At the gate stood Vexmoor, waiting, take " + i + ".",
                        Variant.Status.COMPLETE, null, null);
            }
            assertEquals(List.of(new dev.quire.cliche.Proposals.Proposal("weight of unspoken words", 3)),
                    setup.cliches().proposed(storyId));
            assertTrue(setup.cliches().recurring(storyId).stream().anyMatch(r -> r.text().equals("Vexmoor")),
                    "the library sees the recurring name: " + setup.cliches().recurring(storyId));
        }
        start();
        waitForOpenScene();
        doubleClickOn("Clichés");
        waitUntil("the report is open and scanned", () -> lookup(".cliche-report").tryQuery().isPresent()
                && report().model().loads() > 0);
        ClicheReportView report = report();

        List<ClicheReportViewModel.Row> rows = fx(() -> List.copyOf(report.findings().getItems()));
        ClicheReportViewModel.Row shiver = rows.stream().filter(r -> !r.isHeading() && r.sceneId() == planted
                && r.finding().text().contains("shiver")).findFirst().orElseThrow(() -> new AssertionError(rows));
        assertEquals(Finding.Kind.PHRASE, shiver.kind());
        int headingAt = rows.indexOf(rows.stream().filter(r -> r.isHeading() && r.kind() == Finding.Kind.PHRASE)
                .findFirst().orElseThrow());
        assertTrue(headingAt < rows.indexOf(shiver), "the phrase is listed under its kind's heading");
        assertTrue(fx(() -> report.model().summaryProperty().get()).contains("per 1,000"));

        // a click opens the scene with the passage selected
        onFx(() -> {
            report.findings().getSelectionModel().select(shiver);
            report.findings().scrollTo(shiver);
        });
        onFx(() -> report.findings().getOnMouseClicked().handle(null));
        waitUntil("the scene is open with the phrase selected", () -> main().tabs().getSelectionModel()
                .getSelectedItem().getUserData() instanceof SceneEditorView e && e.model().sceneId() == planted
                && e.area().getSelectedText().equals(shiver.finding().text()));

        // the recurring name, with Add to avoid list
        onFx(() -> main().tabs().getSelectionModel().select(main().tabs().getTabs().stream()
                .filter(t -> t.getUserData() == report).findFirst().orElseThrow()));
        List<Recurring.Item> recurring = fx(() -> List.copyOf(report.recurringList().getItems()));
        assertTrue(recurring.stream().anyMatch(r -> r.text().equals("Vexmoor")), recurring.toString());
        waitUntil("the recurring list shows its button", () -> from(report.recurringList())
                .lookup((Button b) -> "Add to avoid list".equals(b.getText())).tryQuery().isPresent());
        clickOn(from(report.recurringList()).lookup((Button b) -> "Add to avoid list".equals(b.getText()))
                .queryButton());
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            waitUntil("Vexmoor is on the avoid list", () -> check.cliches().avoidList(storyId).contains("Vexmoor"));
            assertTrue(check.cliches().avoidList(storyId).stream().noneMatch(a -> a.contains("unspoken")),
                    "the proposal is not added by itself");
        }

        // what the writer keeps cutting is proposed, with Add
        waitUntil("the proposal is listed", () -> report.proposedList().getItems().stream()
                .anyMatch(p -> p.text().equals("weight of unspoken words") && p.variants() == 3));
        clickOn(from(report.proposedList()).lookup((Button b) -> "Add to avoid list".equals(b.getText()))
                .queryButton());
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            waitUntil("the proposal is on the avoid list", () -> check.cliches().avoidList(storyId)
                    .contains("weight of unspoken words"));
        }
        waitUntil("and no longer proposed", () -> report.proposedList().getItems().isEmpty());
    }

    private ClicheReportView report() {
        return fx(() -> main().tabs().getTabs().stream().map(t -> t.getUserData())
                .filter(ClicheReportView.class::isInstance).map(ClicheReportView.class::cast).findFirst()
                .orElseThrow());
    }
}
