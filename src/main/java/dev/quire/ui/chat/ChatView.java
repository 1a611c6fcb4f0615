package dev.quire.ui.chat;

import dev.quire.model.Message;
import dev.quire.model.Provenance;
import dev.quire.studio.Markup;
import dev.quire.ui.common.Editor;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.prompt.ContextMeter;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;

/**
 * A brainstorm or a scene discussion: the messages along the chosen branch, each reply with its
 * alternatives (‹ 2/3 ›), Edit, Branch, Regenerate and Pin; the draft below, sent with Ctrl+Enter.
 */
public final class ChatView implements Editor {

    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ChatViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<ChatViewModel.Row> list;
    private final TextArea draft = new TextArea();
    private final BiConsumer<ChatViewModel.Row, String> pin;
    private BiConsumer<ChatViewModel.Row, String> note = (row, passage) -> { };

    /** What Note… does: keep a surprise or an inconsistency as a "yes, and" note. */
    public void onNote(BiConsumer<ChatViewModel.Row, String> action) {
        this.note = action;
    }

    /** @param pin opens the pin dialog for a passage selected in a message */
    public ChatView(ChatViewModel model, BiConsumer<ChatViewModel.Row, String> pin) {
        this(model, pin, null);
    }

    /** As above, showing the branch that leads to {@code atMessage} (null: the newest). */
    public ChatView(ChatViewModel model, BiConsumer<ChatViewModel.Row, String> pin, Long atMessage) {
        this.model = model;
        this.pin = pin;
        root.getStyleClass().add("chat-view");

        Label title = new Label(model.conversation().title().isBlank() ? "Conversation" : model.conversation().title());
        title.getStyleClass().add("scene-title");
        Label frame = new Label(frameName(model.conversation().frame()));
        frame.getStyleClass().add("field-hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ContextMeter meter = new ContextMeter(model.reportProperty(), model.tooSmallProperty());
        meter.setOnMouseClicked(e -> openPromptPreview());
        Button preview = new Button("Prompt…");
        preview.getStyleClass().add("flat");
        preview.setTooltip(new Tooltip("See exactly what the next reply's request would send"));
        preview.setOnAction(e -> openPromptPreview());
        HBox header = new HBox(10, title, frame, gap, meter, preview);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 16, 6, 16));
        root.setTop(header);

        list = new ListView<>(model.rows());
        list.getStyleClass().add("chat-list");
        list.setCellFactory(v -> new MessageCell());
        Label empty = new Label("Ask about the characters, the world or the scene.\n"
                + "Select any passage in a reply to pin it to a sheet, the lore or the notes.");
        empty.getStyleClass().add("empty-hint");
        list.setPlaceholder(empty);
        model.rows().addListener((javafx.collections.ListChangeListener<ChatViewModel.Row>) c ->
                list.scrollTo(Math.max(0, model.rows().size() - 1)));
        root.setCenter(list);

        draft.setPromptText("Write to the model… (Ctrl+Enter sends)");
        draft.setWrapText(true);
        draft.setPrefRowCount(3);
        draft.textProperty().bindBidirectional(model.draftProperty());
        draft.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SEND.match(e)) {
                model.send();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.busyProperty().get()) {
                model.cancel();
                e.consume();
            }
        });
        Button send = new Button("Send");
        send.getStyleClass().add("accent");
        send.setOnAction(e -> model.send());
        send.disableProperty().bind(model.busyProperty());
        Button stop = new Button("Stop");
        stop.setOnAction(e -> model.cancel());
        stop.visibleProperty().bind(model.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        Label problem = new Label();
        problem.textProperty().bind(dev.quire.ui.common.WriterText.of(model.problemProperty()));
        problem.getStyleClass().add("form-problems");
        problem.setWrapText(true);
        problem.managedProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
        HBox.setHgrow(draft, Priority.ALWAYS);
        VBox buttons = new VBox(6, send, stop);
        HBox input = new HBox(8, draft, buttons);
        VBox bottom = new VBox(6, problem, input);
        bottom.setPadding(new Insets(8, 16, 12, 16));
        root.setBottom(bottom);
        if (atMessage != null) {
            reveal(atMessage);
        } else {
            model.show(null);
        }
    }

    /**
     * Shows the branch that leads to {@code messageId}, scrolled to that message and marked, as "go to
     * source" asks: the message a pinned fact came from.
     */
    public void reveal(long messageId) {
        model.highlightedProperty().set(messageId);
        model.rows().addListener(new javafx.collections.ListChangeListener<ChatViewModel.Row>() {
            @Override
            public void onChanged(Change<? extends ChatViewModel.Row> c) {
                for (int i = 0; i < model.rows().size(); i++) {
                    if (model.rows().get(i).message().id() == messageId) {
                        list.scrollTo(i);
                        list.getSelectionModel().select(i);
                        model.rows().removeListener(this);
                        return;
                    }
                }
            }
        });
        model.show(messageId);
    }

    /** The Prompt Preview for the next reply, with the draft as what would be said. */
    public void openPromptPreview() {
        if (root.getScene() == null) {
            return;
        }
        dev.quire.ui.prompt.PromptPreviewViewModel vm = dev.quire.ui.prompt.PromptPreviewViewModel.of(
                model.studio(), model.background(), model.conversation().storyId(), model::previewWith);
        vm.instructionProperty().set(model.draftProperty().get());
        new dev.quire.ui.prompt.PromptPreviewWindow(vm, root.getScene().getWindow(),
                model.conversation().title(), root.getScene()).show();
    }

    static String frameName(String key) {
        return switch (key == null ? "" : key) {
            case "analyst" -> "Analyst: psychology, implications, fitting details";
            case "critic" -> "Critic";
            default -> "Co-writer";
        };
    }

    private final class MessageCell extends ListCell<ChatViewModel.Row> {
        private final Label who = new Label();
        /** Made on first use only: most messages are read, not selected in. */
        private ProseArea text;
        private final javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        private final Label position = new Label();
        private final Label usage = new Label();
        private final Button previous = small("‹", "The previous alternative");
        private final Button next = small("›", "The next alternative");
        private final Button regenerate = small("Regenerate", "Ask again; this reply stays as an alternative");
        private final Button edit = small("Edit…", "Edit this message; the original stays as an alternative");
        private final Button branch = small("Branch here", "Continue the conversation from this message");
        private final Button pinButton = small("Pin…", "Pin the selected passage to a sheet, the lore or the notes");
        private final Button noteButton = small("Note…", "Mark a surprise or an inconsistency: make it a clue?");
        /** The light text, with the selectable editor laid over it once pressed. */
        private final javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(flow);
        private final VBox box;
        private ChatViewModel.Row row;
        /** Where a press-and-drag on the light text started, or -1. */
        private int anchor = -1;
        private final javafx.beans.value.ChangeListener<String> follow = (o, was, now) -> render(now);

        MessageCell() {
            who.getStyleClass().add("message-role");
            previous.setOnAction(e -> model.swipe(row, -1));
            next.setOnAction(e -> model.swipe(row, 1));
            regenerate.setOnAction(e -> model.regenerate(row));
            edit.setOnAction(e -> {
                TextInputDialog ask = new TextInputDialog(row.textProperty().get());
                ask.initOwner(getScene().getWindow());
                ask.setTitle("Edit message");
                ask.setHeaderText("The original stays as an alternative");
                ask.getEditor().setPrefColumnCount(60);
                ask.showAndWait().ifPresent(t -> model.edit(row, t));
            });
            branch.setOnAction(e -> model.branchFrom(row));
            pinButton.setOnAction(e -> pin.accept(row, selected()));
            noteButton.setOnAction(e -> note.accept(row, selected()));
            pinButton.setDisable(true);
            HBox actions = new HBox(6, previous, position, next, regenerate, edit, branch, pinButton, noteButton);
            actions.setAlignment(Pos.CENTER_LEFT);
            actions.getStyleClass().add("message-actions");
            flow.getStyleClass().add("message-flow");
            flow.prefWidthProperty().bind(list.widthProperty().subtract(60));
            flow.setCursor(javafx.scene.Cursor.TEXT);
            // a reply shows as light text; pressing it lays a selectable editor over it, and the same
            // press-and-drag selects: the flow stays the drag's target underneath, hidden
            flow.setOnMousePressed(e -> {
                if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                    select();
                    return;
                }
                int at = flow.hitTest(new javafx.geometry.Point2D(e.getX(), e.getY())).getInsertionIndex();
                select();
                anchor = Math.max(0, Math.min(at, text.getLength()));
                text.moveTo(anchor);
                e.consume();
            });
            flow.setOnMouseDragged(e -> {
                if (anchor >= 0 && shown()) {
                    text.selectRange(anchor, indexAt(e));
                    e.consume();
                }
            });
            flow.setOnMouseReleased(e -> anchor = -1);
            Tooltip.install(flow, new Tooltip("Drag across a passage to select it, then Pin… or Note…"));
            holder.setAlignment(Pos.TOP_LEFT);
            usage.getStyleClass().add("message-usage");
            usage.visibleProperty().bind(usage.textProperty().isNotEmpty());
            usage.managedProperty().bind(usage.visibleProperty());
            box = new VBox(4, who, holder, usage, actions);
            box.setPadding(new Insets(8, 10, 8, 10));
            model.highlightedProperty().addListener((o, was, now) -> mark());
        }

        /** The message a "source" link led to stands out until another is asked for. */
        private void mark() {
            Long id = model.highlightedProperty().get();
            boolean on = row != null && id != null && row.message().id() == id;
            getStyleClass().remove("message-highlighted");
            if (on) {
                getStyleClass().add("message-highlighted");
            }
        }

        @Override
        protected void updateItem(ChatViewModel.Row item, boolean empty) {
            super.updateItem(item, empty);
            if (row != null) {
                row.textProperty().removeListener(follow);
            }
            row = item;
            usage.textProperty().unbind();
            usage.setText("");
            if (item != null) {
                usage.textProperty().bind(item.usageProperty());
            }
            showFlow();
            if (empty || item == null) {
                mark();
                setGraphic(null);
                return;
            }
            Message m = item.message();
            boolean model = m.role() == Message.Role.ASSISTANT;
            who.setText(model ? "Model" : m.role() == Message.Role.USER ? "You" : "Frame");
            getStyleClass().removeAll("from-model", "from-writer");
            getStyleClass().add(model ? "from-model" : "from-writer");
            render(item.textProperty().get());
            item.textProperty().addListener(follow);
            boolean several = item.alternatives() > 1;
            for (Node n : new Node[] {previous, position, next}) {
                n.setVisible(several);
                n.setManaged(several);
            }
            position.setText(item.alternative() + "/" + item.alternatives());
            previous.setDisable(item.alternative() <= 1);
            next.setDisable(item.alternative() >= item.alternatives());
            regenerate.setVisible(model);
            regenerate.setManaged(model);
            mark();
            setGraphic(box);
        }

        private String rendered;
        private dev.quire.model.Prose prose = dev.quire.model.Prose.EMPTY;

        /** Re-renders only when the text changed: a relayout must not drop the writer's selection. */
        private void render(String markdown) {
            String shown = markdown == null || markdown.isBlank() ? "…" : markdown;
            if (shown.equals(rendered)) {
                return;
            }
            rendered = shown;
            prose = Markup.parse(shown, Provenance.WRITER);
            java.util.List<javafx.scene.Node> pieces = new java.util.ArrayList<>();
            int at = 0;
            for (dev.quire.model.Span span : prose.spans()) {
                javafx.scene.text.Text piece = new javafx.scene.text.Text(
                        prose.text().substring(at, at + span.length()));
                piece.getStyleClass().add("message-piece");
                if (span.italic()) {
                    piece.getStyleClass().add("prose-italic");
                }
                if (span.bold()) {
                    piece.getStyleClass().add("prose-bold");
                }
                pieces.add(piece);
                at += span.length();
            }
            flow.getChildren().setAll(pieces);
            if (shown()) {
                text.setProse(prose);
            }
        }

        private boolean shown() {
            return text != null && holder.getChildren().contains(text);
        }

        private String selected() {
            return shown() ? text.getSelectedText() : "";
        }

        /** The character under a drag: the editor's own layout once it has one, else the light text's. */
        private int indexAt(javafx.scene.input.MouseEvent e) {
            javafx.geometry.Point2D p = text.getHeight() > 0 ? text.screenToLocal(e.getScreenX(), e.getScreenY()) : null;
            int at;
            if (p != null) {
                at = text.hit(Math.max(0, p.getX()), Math.max(0, p.getY())).getInsertionIndex();
            } else {
                at = flow.hitTest(new javafx.geometry.Point2D(e.getX(), e.getY())).getInsertionIndex();
            }
            return Math.max(0, Math.min(at, text.getLength()));
        }

        private ProseArea selectable() {
            if (text == null) {
                text = new ProseArea();
                text.setEditable(false);
                text.getStyleClass().add("message-text");
                text.setPadding(new Insets(0));
                ProseArea area = text;
                text.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
                    Double h = area.totalHeightEstimateProperty().getValue();
                    return h == null ? 40.0 : h + 6;
                }, text.totalHeightEstimateProperty()));
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.prefWidthProperty().bind(list.widthProperty().subtract(60));
                text.selectionProperty().addListener((o, was, now) -> pinButton.setDisable(now.getLength() == 0));
            }
            return text;
        }

        /** Lays a selectable editor over the light text, for choosing a passage. */
        private void select() {
            if (shown()) {
                return;
            }
            selectable().setProse(prose);
            holder.getChildren().add(text);
            flow.setVisible(false);
            text.requestFocus();
        }

        private void showFlow() {
            anchor = -1;
            if (shown()) {
                text.deselect();
                holder.getChildren().remove(text);
            }
            flow.setVisible(true);
            pinButton.setDisable(true);
        }
    }

    private static Button small(String text, String tip) {
        Button b = new Button(text);
        b.getStyleClass().addAll("flat", "small");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    public ChatViewModel model() {
        return model;
    }

    @Override
    public dev.quire.ui.common.EditorKey key() {
        return new dev.quire.ui.common.EditorKey.Conversation(model.conversation().id());
    }

    @Override
    public ObservableValue<String> title() {
        return Bindings.createStringBinding(() -> model.conversation().title().isBlank() ? "Conversation"
                : model.conversation().title());
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void flush() {
        // messages are written as they are sent and as replies stream
    }

    @Override
    public void focus() {
        draft.requestFocus();
    }
}
