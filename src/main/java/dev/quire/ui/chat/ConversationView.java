package dev.quire.ui.chat;

import dev.quire.model.Conversation;
import dev.quire.model.Message;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.Editor;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** A conversation's messages, oldest first, for reading. */
public final class ConversationView implements Editor {

    private final Conversation conversation;
    private final ListView<Message> list = new ListView<>();

    public ConversationView(Studio studio, Background background, Conversation conversation) {
        this.conversation = conversation;
        list.getStyleClass().add("conversation");
        Label empty = new Label("No messages in this conversation yet.");
        empty.getStyleClass().add("empty-hint");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label who = new Label();
            private final Label text = new Label();
            private final VBox box = new VBox(2, who, text);

            {
                who.getStyleClass().add("message-role");
                text.setWrapText(true);
                box.setPadding(new Insets(6, 8, 8, 8));
                text.maxWidthProperty().bind(list.widthProperty().subtract(40));
            }

            @Override
            protected void updateItem(Message m, boolean isEmpty) {
                super.updateItem(m, isEmpty);
                if (isEmpty || m == null) {
                    setGraphic(null);
                    return;
                }
                who.setText(switch (m.role()) {
                    case USER -> "You";
                    case ASSISTANT -> "Model";
                    case SYSTEM -> "Frame";
                });
                text.setText(m.text());
                setGraphic(box);
            }
        });
        background.read(() -> studio.conversations().messages(conversation.id()))
                .onSuccess(list.getItems()::setAll).start();
    }

    @Override
    public String key() {
        return "conversation:" + conversation.id();
    }

    @Override
    public ObservableValue<String> title() {
        return Bindings.createStringBinding(() -> conversation.title().isBlank() ? "Conversation"
                : conversation.title());
    }

    @Override
    public Node view() {
        return list;
    }

    @Override
    public void flush() {
        // read-only
    }
}
