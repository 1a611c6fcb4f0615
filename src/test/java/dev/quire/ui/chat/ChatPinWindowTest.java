package dev.quire.ui.chat;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Note;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.sheets.CharacterSheetView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.TextFlow;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chat and pins in the real window, against a loopback OpenAI-compatible server: a passage selected with one
 * press-and-drag, a long fact pinned whole into an open sheet that stays where it was and marks the new fact,
 * the fact's source link leading back to the message, marked, and a "yes, and" note that cannot be kept until
 * its template is filled in.
 */
class ChatPinWindowTest extends StudioWindow {

    private static final String REPLY = "Bert keeps the crossed sevens secret from pride. He learned the trick from "
            + "his father, who cheated at cribbage for forty years at the Anchor and was never once caught, "
            + "and he has never forgiven himself for being good at it.";

    private MockWebServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void selectPinGoToSourceAndYesAnd() throws Exception {
        server = Wire.start();
        server.enqueue(Wire.sse(Wire.openAi("Bert keeps the crossed sevens secret from pride. ",
                REPLY.substring("Bert keeps the crossed sevens secret from pride. ".length()))).build());
        try (Studio setup = Studio.open(dataDir, Studio.NewLibrary.WITH_SAMPLE)) {
            setup.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                    server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
            setup.providers().setDefaultProfile("loop");
        }
        start();
        waitForOpenScene();

        // Bertram's sheet open, scrolled part way down, as a writer keeps it beside the brainstorm
        Node bertram = from(binder().tree()).lookup("Bertram Yeo").query();
        doubleClickOn(bertram);
        waitUntil("the sheet is open", () -> sheet() != null);
        CharacterSheetView sheetView = fx(this::sheet);
        Tab sheetTab = selectedTab();
        ScrollPane page = (ScrollPane) fx(sheetView::view);
        onFx(() -> page.setVvalue(0.45));
        double offsetBefore = fx(() -> offset(page));
        assertTrue(offsetBefore > 50, "the sheet is scrolled down: " + offsetBefore);

        // the sheet's headings never repeat a field's label ("Relationships / Relationships")
        Set<String> headings = fx(() -> page.lookupAll(".section-heading").stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.toSet()));
        Set<String> labels = fx(() -> page.lookupAll(".field-label").stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.toSet()));
        assertTrue(labels.contains("Relationships") && labels.contains("Voice"), labels.toString());
        assertTrue(headings.stream().noneMatch(labels::contains), headings + " repeat " + labels);

        clickOn(".binder-add");
        clickOn("New brainstorm");
        waitUntil("the chat opens", () -> selectedTab() != sheetTab && lookup(".chat-view").tryQuery().isPresent());
        Tab chatTab = selectedTab();
        clickOn(".chat-view .text-area");
        write("Why does Bert hide the crossed sevens?");
        shortcut(KeyCode.ENTER);
        waitUntil("the reply has streamed in", () -> rows().size() == 2
                && rows().get(1).textProperty().get().equals(REPLY) && !rows().get(1).streamingProperty().get());

        // one press-and-drag across the reply's first words selects them
        TextFlow flow = fx(() -> lookup(".message-flow").queryAllAs(TextFlow.class).stream()
                .filter(f -> f.isVisible() && f.getChildren().stream()
                        .anyMatch(t -> ((javafx.scene.text.Text) t).getText().startsWith("Bert keeps")))
                .findFirst().orElseThrow());
        // the gesture goes through the window's own event dispatch: Monocle's robot, pressed and moved, leaves its
        // drag-and-drop state behind for later tests
        Bounds on = fx(() -> flow.localToScreen(flow.getBoundsInLocal()));
        mouse(flow, MouseEvent.MOUSE_PRESSED, on.getMinX() + 2, on.getMinY() + 9, true);
        mouse(flow, MouseEvent.MOUSE_DRAGGED, on.getMinX() + 80, on.getMinY() + 9, true);
        mouse(flow, MouseEvent.MOUSE_DRAGGED, on.getMinX() + 160, on.getMinY() + 9, true);
        mouse(flow, MouseEvent.MOUSE_RELEASED, on.getMinX() + 160, on.getMinY() + 9, false);
        ProseArea reply = fx(() -> lookup(".message-text").queryAllAs(ProseArea.class).stream()
                .filter(a -> a.getText().startsWith("Bert keeps")).findFirst().orElseThrow());
        String dragged = fx(reply::getSelectedText);
        assertTrue(dragged.length() >= 8 && REPLY.startsWith(dragged), "the drag selected: '" + dragged + "'");
        Button pin = fx(() -> from(cellOf(reply)).lookup((Button b) -> "Pin…".equals(b.getText())).queryButton());
        assertFalse(fx(pin::isDisabled), "Pin… is offered for the dragged passage");

        // a long fact: the whole reply, shown whole in a wrapping, multi-line field
        onFx(() -> reply.selectRange(0, reply.getLength()));
        clickOn(pin);
        waitUntil("the pin dialog is open", () -> lookup(".pin-passage").tryQuery().isPresent());
        TextArea passage = lookup(".pin-passage").queryAs(TextArea.class);
        assertEquals(REPLY, fx(passage::getText));
        assertTrue(fx(passage::isWrapText));
        assertTrue(fx(passage::getPrefRowCount) >= 4, "rows: " + fx(passage::getPrefRowCount));
        Node pane = lookup(".dialog-pane").query();
        @SuppressWarnings("unchecked")
        ComboBox<CharacterSheet> who = from(pane).lookup((ComboBox<?> c) ->
                c.getItems().stream().anyMatch(i -> i instanceof CharacterSheet)).queryAs(ComboBox.class);
        onFx(() -> who.setValue(who.getItems().stream().filter(c -> c.name().equals("Bertram Yeo")).findFirst()
                .orElseThrow()));
        clickOn(from(pane).lookup((Button b) -> "Pin".equals(b.getText())).queryButton());

        waitUntil("the open sheet has the fact, marked", () -> sheetView.model().facts().stream()
                .anyMatch(f -> f.textProperty().get().equals(REPLY))
                && sheetView.model().pinnedProperty().get() != null);
        assertEquals(chatTab, selectedTab(), "pinning leaves the writer in the conversation");

        // a draft left in the conversation, to find again after going to the source
        clickOn(".chat-view .text-area");
        write("And his sister?");

        onFx(() -> main().tabs().getSelectionModel().select(sheetTab));
        waitUntil("the sheet is shown", () -> page.getScene() != null && page.isVisible());
        assertEquals(offsetBefore, fx(() -> offset(page)), 2.0, "the sheet stays where it was");
        Node marked = fx(() -> page.lookup(".fact-pinned"));
        assertTrue(marked != null && fx(() -> marked.lookupAll(".fact-text").stream()
                .anyMatch(n -> REPLY.equals(((TextArea) n).getText()))), "the new fact is marked");
        Node factField = fx(() -> marked.lookup(".fact-text"));
        assertTrue(factField instanceof TextArea area && fx(area::isWrapText), "a fact field wraps");

        // its source link opens the conversation at that message, marked, the draft still there
        onFx(() -> page.setVvalue(1.0));
        Hyperlink source = fx(() -> (Hyperlink) marked.lookup(".fact-source"));
        clickOn(source);
        long replyId = rows().get(1).message().id();
        waitUntil("the conversation shows the message marked", () -> selectedTab() == chatTab
                && lookup(".message-highlighted").tryQuery().isPresent()
                && ((ListCell<?>) lookup(".message-highlighted").query()).getItem() instanceof ChatViewModel.Row r
                && r.message().id() == replyId);
        assertEquals("And his sister?", fx(() -> lookup(".chat-view .text-area").queryAs(TextArea.class).getText()));

        // "yes, and": the template opens with its blank selected, and cannot be kept or sent unedited
        Button note = fx(() -> from(replyCell()).lookup((Button b) -> "Note…".equals(b.getText())).queryButton());
        clickOn(note);
        waitUntil("the note opens on its template", () -> lookup(".yes-and-text").tryQuery().isPresent());
        TextArea yesAnd = lookup(".yes-and-text").queryAs(TextArea.class);
        assertTrue(fx(yesAnd::getText).startsWith("The model said: “Bert keeps"));
        assertEquals(YesAndDialog.BLANK, fx(yesAnd::getSelectedText));
        Node dialog = lookup(".dialog-pane").query();
        Button keep = from(dialog).lookup((Button b) -> "Keep note".equals(b.getText())).queryButton();
        assertTrue(fx(keep::isDisabled), "the unedited template cannot be kept");
        // under Monocle a dialog's window takes key events only once clicked (the click moves the caret)
        clickOn(yesAnd);
        onFx(() -> {
            int at = yesAnd.getText().indexOf(YesAndDialog.BLANK);
            yesAnd.selectRange(at, at + YesAndDialog.BLANK.length());
        });
        write("his father is still alive, and still cheating.");
        waitUntil("the note can be kept: " + fx(yesAnd::getText), () -> !keep.isDisabled());
        Node share = from(dialog).lookup(".check-box").query();
        clickOn(share);
        clickOn(keep);
        waitUntil("the note is kept, shared, as written", () -> {
            try (Studio check = Studio.open(dataDir, Studio.NewLibrary.EMPTY)) {
                List<Note> notes = check.threads().notes(check.stories().list().get(0).id());
                return notes.stream().anyMatch(n -> n.shared() && n.sourceId() != null && n.sourceId() == replyId
                        && n.text().endsWith("Clue: his father is still alive, and still cheating.")
                        && !n.text().contains(YesAndDialog.BLANK));
            }
        });
    }

    /** A primary-button mouse event at a screen point, dispatched to {@code target} as the window would. */
    private static void mouse(Node target, javafx.event.EventType<MouseEvent> type, double screenX, double screenY,
                              boolean down) {
        onFx(() -> {
            Point2D local = target.screenToLocal(screenX, screenY);
            Point2D scene = target.localToScene(local);
            javafx.event.Event.fireEvent(target, new MouseEvent(type, local.getX(), local.getY(), screenX, screenY,
                    MouseButton.PRIMARY, 1, false, false, false, false, down, false, false, false, false, false,
                    new javafx.scene.input.PickResult(target, scene.getX(), scene.getY())));
        });
    }

    private static double offset(ScrollPane page) {
        double range = page.getContent().getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
        return page.getVvalue() * range;
    }

    private CharacterSheetView sheet() {
        Tab tab = main().tabs().getSelectionModel().getSelectedItem();
        return tab != null && tab.getUserData() instanceof CharacterSheetView v ? v : null;
    }

    private Node replyCell() {
        return lookup(".chat-list .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getItem() instanceof ChatViewModel.Row r
                        && r.textProperty().get().startsWith("Bert keeps"))
                .findFirst().orElseThrow();
    }

    private static Node cellOf(Node inside) {
        Node at = inside;
        while (at != null && !(at instanceof ListCell<?>)) {
            at = at.getParent();
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private List<ChatViewModel.Row> rows() {
        return fx(() -> List.copyOf(lookup(".chat-list").queryAs(ListView.class).getItems()));
    }
}


