package dev.quire.ui.shell;

import dev.quire.studio.Generator;
import dev.quire.studio.Prompts;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.stitch.GenerateOptions;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 §4, in the real window: a scene opens on one click or Enter; the mode chooses the frame and the frame
 * offered can never contradict it; Discuss is in the scene's and the binder's toolbars; Help lists the shortcuts
 * the window has; and with no provider the generate panel says so once, with its two ways on, and never names a
 * command.
 */
class FindWhatExistsWindowTest extends StudioWindow {

    private SceneEditorView openWithPane() {
        SceneEditorView editor = waitForOpenScene();
        waitUntil("the stitching pane has loaded", () -> editor.stitchView() != null
                && editor.stitchView().model().loadedProperty().get());
        return editor;
    }

    private TreeCell<?> sceneRow(String startsWith) {
        return fx(() -> lookup(".binder-scene").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && c.isVisible() && c.getText() != null
                        && c.getText().startsWith(startsWith))
                .map(n -> (TreeCell<?>) n).findFirst().orElseThrow());
    }

    private String selectedTabTitle() {
        return fx(() -> {
            Tab tab = main().tabs().getSelectionModel().getSelectedItem();
            return tab == null ? "" : tab.getText();
        });
    }

    @Test
    void oneClickOrEnterOpensAScene() throws TimeoutException {
        start();
        waitForOpenScene();
        List<String> rows = binderSceneRows();
        String second = rows.get(1).replaceFirst("^\\d+\\s+", "");
        clickOn(sceneRow("2 "));
        waitUntil("one click opened the second scene", () -> selectedTabTitle().equals(second));

        String third = rows.get(2).replaceFirst("^\\d+\\s+", "");
        onFx(() -> main().binder().tree().requestFocus());
        type(KeyCode.DOWN);
        waitUntil("the third scene is selected, not yet open", () -> main().binder().tree().getSelectionModel()
                .getSelectedItem().getValue().toString().contains(third) && !selectedTabTitle().equals(third));
        type(KeyCode.ENTER);
        waitUntil("Enter opened it", () -> selectedTabTitle().equals(third));
    }

    @Test
    void theModeChoosesTheFrameAndOnlyFramesOfItsKindAreOffered() throws TimeoutException {
        start();
        SceneEditorView editor = openWithPane();
        GenerateOptions options = fx(() -> editor.stitchView().model().options());
        @SuppressWarnings("unchecked")
        ComboBox<Prompts.FrameInfo> frame = fx(() -> (ComboBox<Prompts.FrameInfo>) editor.generatePanel()
                .lookup(".generate-frame"));
        for (Generator.Mode mode : Generator.Mode.values()) {
            onFx(() -> options.modeProperty().set(mode));
            assertEquals(mode.defaultFrame(), fx(() -> options.frameProperty().get().key()),
                    "the mode chooses its own frame");
            Set<String> kinds = fx(() -> frame.getItems().stream().map(Prompts.FrameInfo::kind)
                    .collect(Collectors.toSet()));
            assertEquals(Set.of(mode.defaultFrame()), kinds, "only " + mode + " frames are offered");
        }
        // a contradicting frame set from anywhere gives way to the mode's own
        onFx(() -> options.modeProperty().set(Generator.Mode.CONTINUE));
        Prompts.FrameInfo rewrite = fx(() -> options.frameChoices().stream().filter(f -> f.key().equals("rewrite"))
                .findFirst().orElseThrow());
        onFx(() -> options.frameProperty().set(rewrite));
        assertEquals("continue", fx(() -> options.frameProperty().get().key()));
    }

    @Test
    void discussIsInTheScenesToolbarAndTheBinders() throws TimeoutException {
        start();
        SceneEditorView editor = waitForOpenScene();
        MenuButton discuss = fx(() -> (MenuButton) editor.view().lookup(".scene-discuss"));
        assertTrue(fx(discuss::isVisible));
        assertEquals(List.of("Discuss this scene", "Analyse the characters (analyst)"),
                fx(() -> discuss.getItems().stream().map(i -> i.getText()).toList()));
        String scene = fx(() -> editor.model().titleProperty().get());
        onFx(() -> discuss.getItems().get(0).fire());
        waitUntil("a discussion of the scene opens in a tab", () -> selectedTabTitle().contains("Discussion: " + scene));

        MenuButton binderDiscuss = fx(() -> (MenuButton) main().binder().view().lookup(".binder-discuss"));
        assertTrue(fx(() -> binderDiscuss.getItems().stream()
                .anyMatch(i -> i.getText().equals("Analyse the characters (analyst)"))));
        onFx(() -> binderDiscuss.getItems().stream().filter(i -> i.getText().startsWith("Analyse")).findFirst()
                .orElseThrow().fire());
        waitUntil("an analysis opens in a tab", () -> selectedTabTitle().startsWith("Analysis"));
    }

    @Test
    void helpListsEveryShortcutTheWindowHasWithGenerateAmongThem() throws TimeoutException {
        start();
        waitForOpenScene();
        List<Shortcuts.Shortcut> all = fx(() -> main().shortcuts());
        assertTrue(all.stream().anyMatch(s -> s.keys().equals("Ctrl+Enter") && s.what().equals("Generate variants")),
                all.toString());
        type(KeyCode.F1);
        waitUntil("the sheet is open", () -> lookup(".shortcut-sheet").tryQuery().isPresent());
        List<String> keys = fx(() -> lookup(".shortcut-sheet .shortcut-keys").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        List<String> what = fx(() -> lookup(".shortcut-sheet .shortcut-what").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertEquals(all.size(), keys.size(), "every shortcut is on the sheet");
        for (Shortcuts.Shortcut s : all) {
            int at = what.indexOf(s.what());
            assertTrue(at >= 0 && keys.get(at).equals(s.keys()), "the sheet lists " + s);
        }
        assertTrue(fx(() -> editorTooltip(".generate-panel .accent").contains("Ctrl+Enter")),
                "Generate's tooltip names its shortcut");
        onFx(() -> Window.getWindows().stream().filter(w -> w != main().view().getScene().getWindow())
                .toList().forEach(Window::hide));
    }

    private String editorTooltip(String query) {
        return lookup(query).queryAllAs(Button.class).stream().filter(b -> "Generate".equals(b.getText()))
                .findFirst().orElseThrow().getTooltip().getText();
    }

    @Test
    void withNoProviderThePanelSaysSoOnceOffersBothWaysAndNamesNoCommand() throws TimeoutException {
        start();
        SceneEditorView editor = openWithPane();
        Node none = fx(() -> editor.generatePanel().lookup(".no-provider"));
        waitUntil("the panel says there is no provider", none::isVisible);
        List<String> buttons = fx(() -> from(none).lookup(".button").queryAllAs(Button.class).stream()
                .map(Button::getText).sorted().toList());
        assertEquals(List.of("Add a provider…", "Paste a variant instead"), buttons);
        assertTrue(fx(() -> editor.generatePanel().generateButton().isDisabled()), "nothing to generate with");

        // asked anyway, from the keyboard, nothing is said a second time
        clickOn(editor.generatePanel().instruction());
        write("Odile reads the screen at nine.");
        shortcut(KeyCode.ENTER);
        shortcut(KeyCode.DIGIT2);
        shortcut(KeyCode.DIGIT1);
        List<String> said = fx(() -> lookup((Node n) -> n instanceof Labeled l && n.isVisible()
                && l.getText() != null && l.getText().toLowerCase().contains("no provider")).queryAll().stream()
                .filter(n -> isShowing(n)).map(n -> ((Labeled) n).getText()).toList());
        assertEquals(1, said.size(), said.toString());
        List<String> commands = fx(() -> lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("quire ")).queryAll().stream().filter(this::isShowing)
                .map(n -> ((Labeled) n).getText()).toList());
        assertEquals(List.of(), commands, "no message tells the writer to run a command");

        clickOn(from(none).lookup((Button b) -> b.getText().equals("Add a provider…")).queryButton());
        waitUntil("the Providers page is up", () -> main().view().lookup(".settings-overlay") != null);
        assertTrue(fx(() -> main().model().providersShownProperty().get()));
        clickOn("Done");
        waitUntil("and gone again", () -> main().view().lookup(".settings-overlay") == null);
        assertTrue(fx(none::isVisible), "still no provider");

        clickOn(from(none).lookup((Button b) -> b.getText().equals("Paste a variant instead")).queryButton());
        waitUntil("the paste dialog is open", () -> lookup("Add column").tryQuery().isPresent());
        assertTrue(fx(() -> editor.stitchView().getScene() != null), "the stitching pane shows behind it");
        // the dialog's Cancel, not the generate panel's
        clickOn(fx(() -> lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "Cancel".equals(b.getText())).findFirst().orElseThrow()));
        waitUntil("the paste dialog is gone", () -> lookup("Add column").tryQuery().isEmpty());

        // a provider added on the Providers page is there when the page closes
        clickOn(from(none).lookup((Button b) -> b.getText().equals("Add a provider…")).queryButton());
        waitUntil("the Providers page is up", () -> main().view().lookup(".settings-overlay") != null);
        try (dev.quire.studio.Studio beside = dev.quire.studio.Studio.open(dataDir,
                dev.quire.studio.Studio.NewLibrary.EMPTY)) {
            beside.providers().save(new dev.quire.llm.ProviderProfile("local", dev.quire.llm.ProviderKind.OLLAMA,
                    "http://127.0.0.1:11434", "llama3", 8_000, 500), null);
        }
        clickOn("Done");
        waitUntil("the panel no longer says there is none", () -> !none.isVisible());
        assertFalse(fx(() -> editor.generatePanel().generateButton().isDisabled()), "Generate can ask it");
    }

    private boolean isShowing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
    }

    @Test
    void windowMessagesLoseTheirCommandLineHints() {
        assertEquals("No provider is set up for “Harbour”. Add one on the Providers page, and make it the default.",
                dev.quire.ui.common.WriterText.of("No provider is set up for “Harbour”. Add one on the Providers page"
                        + " or with `quire provider add`, and make it the default."));
        assertEquals("Check the key in the Providers page, or OPENAI_API_KEY.",
                dev.quire.ui.common.WriterText.of("Check the key in the Providers page (or `quire provider`), or"
                        + " OPENAI_API_KEY."));
        assertFalse(dev.quire.ui.common.WriterText.of("Enter the keys again in the Providers page (or `quire"
                + " provider`), or set them as environment variables.").contains("quire "));
    }
}
