package dev.quire.ui.spell;

import dev.quire.spell.KnownWords;
import dev.quire.spell.SpellFinding;
import dev.quire.spell.Speller;
import dev.quire.studio.Studio;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.prose.ProseArea;
import javafx.scene.control.MenuItem;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spell check in the real window: a misspelling typed into the scene is underlined, the story's character names are
 * not, a suggestion replaces the word, and a word added to the story's dictionary stays known after a restart.
 */
class SpellCheckWindowTest extends StudioWindow {

    /** LanguageTool's first load reads its dictionaries: slow on a shared machine. */
    private static final long FIRST_LOAD_SECONDS = 90;

    private static final String TEXT = "Odile Farrant met Maud Iredale at the quay. Bertram Yeo was late, and teh"
            + " Glimmerwick lamps were lit.\nThe second paragraph is spelled right.";

    @Test
    void aMisspellingIsUnderlinedNamesAreNotAndTheStoryDictionaryLasts() throws Exception {
        // without the story, LanguageTool would flag the sample story's names
        List<String> flagged = Speller.load("en-US").check(TEXT, KnownWords.NONE, false).stream()
                .map(SpellFinding::text).toList();
        assertTrue(flagged.contains("Iredale") && flagged.contains("Farrant"), flagged.toString());

        start();
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.generatePanel() != null);
        ProseArea area = editor.area();
        onFx(() -> area.replaceText(TEXT));
        clickOn(area);
        onFx(() -> area.moveTo(area.getLength()));
        write(" Recieve it.");
        ProseSpelling spelling = editor.spelling();
        waitLong("the misspellings are found", () -> words(spelling).containsAll(List.of("teh", "Glimmerwick",
                "Recieve")));
        assertEquals(List.of("teh", "Glimmerwick", "Recieve"), fx(() -> words(spelling)),
                "the story's names are not flagged");
        SpellFinding teh = fx(() -> find(spelling, "teh"));
        assertEquals(TEXT.indexOf("teh"), teh.start());
        assertTrue(fx(() -> spelling.layer().getChildren().stream().anyMatch(n -> n instanceof Polyline p
                && p.getStyleClass().contains(Squiggles.SPELLING) && p.getUserData().equals(teh)
                && p.getPoints().size() >= 4)), "the misspelling has a squiggle under it");

        // a suggestion replaces the word, as the writer's edit
        onFx(() -> item(spelling, find(spelling, "teh"), "the").fire());
        waitLong("the word is corrected and checked again", () -> area.getText().contains("and the Glimmerwick")
                && words(spelling).equals(List.of("Glimmerwick", "Recieve")));

        // the invented word goes into the story's dictionary
        onFx(() -> item(spelling, find(spelling, "Glimmerwick"), "Add to story dictionary").fire());
        waitLong("the added word is no longer flagged", () -> words(spelling).equals(List.of("Recieve")));

        long story = fx(() -> editor.stitchView().model().spelling().storyId());
        try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
            assertEquals(List.of("Glimmerwick"), check.spelling().storyWords(story));
        }

        restart();
        SceneEditorView reopened = waitForOpenScene();
        waitLong("the reopened scene is checked", () -> words(reopened.spelling()).contains("Recieve"));
        assertFalse(fx(() -> words(reopened.spelling())).contains("Glimmerwick"), "the dictionary lasts a restart");

        // Ignore: not flagged again while the window is open
        onFx(() -> item(reopened.spelling(), find(reopened.spelling(), "Recieve"), "Ignore").fire());
        waitLong("the ignored word is no longer flagged", () -> reopened.spelling().findings().isEmpty());
    }

    @Test
    void aSheetsLongFieldIsCheckedToo() throws Exception {
        start();
        waitForOpenScene();
        doubleClickOn((javafx.scene.Node) from(binder().tree()).lookup("Bertram Yeo").query());
        waitUntil("the sheet is open", () -> selectedTab().getUserData() instanceof dev.quire.ui.sheets.CharacterSheetView);
        javafx.scene.Node page = fx(() -> ((dev.quire.ui.sheets.CharacterSheetView) selectedTab().getUserData()).view());
        javafx.scene.control.TextArea field = fx(() -> page.lookupAll("." + FieldSpelling.LONG_FIELD).stream()
                .map(javafx.scene.control.TextArea.class::cast).findFirst().orElseThrow());
        FieldSpelling spelling = fx(() -> FieldSpelling.of(field).orElseThrow());
        onFx(() -> field.setText("Bertram Yeo lookd at Odile Farrant and Maud Iredale."));
        waitLong("the field's misspelling is found", () -> spelling.findings().stream().map(SpellFinding::text)
                .toList().equals(List.of("lookd")));
        waitUntil("and underlined", () -> spelling.layer().getChildren().stream().anyMatch(n -> n instanceof Polyline p
                && p.getStyleClass().contains(Squiggles.SPELLING)));

        onFx(() -> spelling.actions(spelling.findings().get(0)).stream().filter(m -> "looked".equals(m.getText()))
                .findFirst().orElseThrow().fire());
        waitLong("the suggestion is taken and nothing is flagged", () -> field.getText().startsWith(
                "Bertram Yeo looked at") && spelling.findings().isEmpty());
    }

    private void waitLong(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(FIRST_LOAD_SECONDS, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(fx(condition)));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what + "; found " + fx(() -> List.copyOf(
                    openScene().spelling().findings())), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> words(ProseSpelling spelling) {
        return spelling.findings().stream().map(SpellFinding::text).toList();
    }

    private static SpellFinding find(ProseSpelling spelling, String word) {
        return spelling.findings().stream().filter(f -> f.text().equals(word)).findFirst().orElseThrow();
    }

    private static MenuItem item(ProseSpelling spelling, SpellFinding f, String text) {
        return spelling.actions(f).stream().filter(m -> text.equals(m.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no “" + text + "” among " + spelling.actions(f).stream()
                        .map(MenuItem::getText).toList()));
    }
}
