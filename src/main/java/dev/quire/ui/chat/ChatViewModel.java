package dev.quire.ui.chat;

import dev.quire.llm.GenerationHandler;
import dev.quire.model.Conversation;
import dev.quire.model.Message;
import dev.quire.prompt.PromptReport;
import dev.quire.studio.ConversationThreads;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * A conversation as the chat view shows it: the messages along the chosen branch, each with its
 * alternatives, the draft being written, and the reply streaming in.
 */
public final class ChatViewModel {

    /** One message on the shown branch, with where it stands among its alternatives. */
    public static final class Row {
        private final Message message;
        private final int alternative;
        private final int alternatives;
        private final StringProperty text = new SimpleStringProperty();
        private final BooleanProperty streaming = new SimpleBooleanProperty();
        /** What the reply's request used and cost: "31.2K in · Cache: 28.4K read · 400 out · $0.01"; "" when unknown. */
        private final StringProperty usage = new SimpleStringProperty("");

        Row(Message message, int alternative, int alternatives) {
            this.message = message;
            this.alternative = alternative;
            this.alternatives = alternatives;
            this.text.set(message.text());
        }

        public Message message() {
            return message;
        }

        /** 1-based position among the alternatives. */
        public int alternative() {
            return alternative;
        }

        public int alternatives() {
            return alternatives;
        }

        public StringProperty textProperty() {
            return text;
        }

        public StringProperty usageProperty() {
            return usage;
        }

        public BooleanProperty streamingProperty() {
            return streaming;
        }
    }

    private final Studio studio;
    private final Background background;
    private final Executor frames;
    private final Conversation conversation;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObjectProperty<PromptReport> report = new SimpleObjectProperty<>(this, "report");
    private final javafx.beans.property.StringProperty tooSmall =
            new javafx.beans.property.SimpleStringProperty(this, "tooSmall", "");
    private final ObjectProperty<Long> highlighted = new SimpleObjectProperty<>(this, "highlighted");
    private Long leaf;
    private ConversationThreads.Reply running;

    /**
     * @param frames where streamed text is applied: once per frame in the window, directly in tests
     */
    public ChatViewModel(Studio studio, Background background, Executor frames, Conversation conversation) {
        this.studio = studio;
        this.background = background;
        this.frames = frames;
        this.conversation = conversation;
    }

    private record Shown(List<Message> path, List<Integer> positions, List<Integer> counts,
                         java.util.Map<Long, String> usage) {
    }

    /** Shows the branch ending at {@code leafId} (null: the newest). */
    public void show(Long leafId) {
        ConversationThreads threads = studio.threads();
        long id = conversation.id();
        background.read(() -> {
            // one query for the tree; the branch's alternatives are counted from it, not asked for one by one
            List<Message> path = threads.path(id, leafId);
            List<Message> all = studio.conversations().messages(id);
            java.util.Map<String, List<Long>> siblings = new java.util.HashMap<>();
            for (Message m : all) {
                siblings.computeIfAbsent(m.parentId() + "/" + m.role(), k -> new java.util.ArrayList<>()).add(m.id());
            }
            List<Integer> positions = new java.util.ArrayList<>();
            List<Integer> counts = new java.util.ArrayList<>();
            for (Message m : path) {
                List<Long> alts = siblings.getOrDefault(m.parentId() + "/" + m.role(), List.of(m.id()));
                counts.add(alts.size());
                positions.add(alts.indexOf(m.id()) + 1);
            }
            java.util.Map<Long, String> used = new java.util.HashMap<>();
            for (Message m : path) {
                if (m.role() == Message.Role.ASSISTANT) {
                    studio.spending().reply(m.id()).ifPresent(u -> used.put(m.id(),
                            dev.quire.ui.common.UsageText.of(u.getKey(), u.getValue())));
                }
            }
            return new Shown(path, positions, counts, used);
        }).onSuccess(s -> {
            List<Row> out = new java.util.ArrayList<>();
            for (int i = 0; i < s.path().size(); i++) {
                Row row = new Row(s.path().get(i), s.positions().get(i), s.counts().get(i));
                row.usageProperty().set(s.usage().getOrDefault(row.message().id(), ""));
                out.add(row);
            }
            rows.setAll(out);
            leaf = s.path().isEmpty() ? null : s.path().get(s.path().size() - 1).id();
            refreshReport();
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /** Sends the draft and streams the model's reply to it. */
    public void send() {
        String text = draft.get().strip();
        if (text.isEmpty() || busy.get()) {
            return;
        }
        draft.set("");
        ConversationThreads threads = studio.threads();
        Long parent = leaf;
        busy.set(true);
        background.write(() -> threads.say(conversation.id(), parent, text))
                .onSuccess(said -> {
                    rows.add(new Row(said, 1, 1));
                    leaf = said.id();
                    stream(handler -> threads.reply(conversation.id(), said.id(), handler, frames));
                })
                .onError(e -> {
                    busy.set(false);
                    draft.set(text);
                    problem.set(e.getMessage());
                })
                .start();
    }

    /** Asks again for the reply in {@code row}; the earlier one stays as an alternative. */
    public void regenerate(Row row) {
        if (busy.get() || row.message().role() != Message.Role.ASSISTANT) {
            return;
        }
        int index = rows.indexOf(row);
        rows.remove(index, rows.size());
        leaf = row.message().parentId();
        busy.set(true);
        ConversationThreads threads = studio.threads();
        stream(handler -> threads.regenerate(row.message().id(), handler, frames));
    }

    private void stream(java.util.function.Function<GenerationHandler, ConversationThreads.Reply> start) {
        problem.set("");
        Row[] streamingRow = new Row[1];
        // text can arrive before the row exists; it waits here and joins the row when it is made
        StringBuilder early = new StringBuilder();
        GenerationHandler handler = new GenerationHandler() {
            @Override
            public void onText(int variant, String delta) {
                Row r = streamingRow[0];
                if (r != null) {
                    r.textProperty().set(r.textProperty().get() + delta);
                } else {
                    early.append(delta);
                }
            }
        };
        background.write(() -> start.apply(handler)).onSuccess(reply -> {
            running = reply;
            Message placeholder = new Message(reply.messageId(), conversation.id(), leaf, Message.Role.ASSISTANT, "",
                    null, null);
            Row row = new Row(placeholder, 1, 1);
            row.streamingProperty().set(true);
            row.textProperty().set(early.toString());
            streamingRow[0] = row;
            rows.add(row);
            reply.done().whenComplete((message, error) -> background.results().execute(() -> {
                row.streamingProperty().set(false);
                busy.set(false);
                running = null;
                if (error != null) {
                    problem.set(error.getMessage());
                }
                show(reply.messageId());
            }));
        }).onError(e -> {
            busy.set(false);
            problem.set(e.getMessage());
        }).start();
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Shows the previous or next alternative of {@code row} (and the branch that follows it). */
    public void swipe(Row row, int step) {
        ConversationThreads threads = studio.threads();
        background.read(() -> {
            List<Message> alts = threads.alternatives(row.message().id());
            int at = row.alternative() - 1 + step;
            if (at < 0 || at >= alts.size()) {
                return null;
            }
            // the newest leaf under the chosen alternative
            List<Message> all = studio.conversations().messages(conversation.id());
            long chosen = alts.get(at).id();
            long newest = chosen;
            for (Message m : all) {
                if (descends(m, chosen, all)) {
                    newest = m.id();
                }
            }
            return newest;
        }).onError(e -> problem.set(e.getMessage())).onSuccess(leafId -> {
            if (leafId != null) {
                show(leafId);
            }
        }).start();
    }

    private static boolean descends(Message m, long ancestor, List<Message> all) {
        java.util.Map<Long, Long> parents = new java.util.HashMap<>();
        for (Message x : all) {
            parents.put(x.id(), x.parentId());
        }
        Long at = m.id();
        while (at != null) {
            if (at == ancestor) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }

    /** Replaces {@code row}'s text by an edited version (the original stays as an alternative) and continues from it. */
    public void edit(Row row, String newText) {
        ConversationThreads threads = studio.threads();
        background.write(() -> threads.edit(row.message().id(), newText))
                .onSuccess(edited -> show(edited.id()))
                .onError(e -> problem.set(e.getMessage())).start();
    }

    /** Continues from {@code row}: what comes next is written as a new branch after it. */
    public void branchFrom(Row row) {
        int index = rows.indexOf(row);
        rows.remove(index + 1, rows.size());
        leaf = row.message().id();
        refreshReport();
    }

    private void refreshReport() {
        ConversationThreads threads = studio.threads();
        Long at = leaf;
        String text = draft.get();
        background.read(() -> threads.preview(conversation.id(), at, text)).onSuccess(r -> {
            tooSmall.set("");
            report.set(r);
        }).onError(e -> {
            tooSmall.set(e instanceof dev.quire.prompt.PromptTooSmallException ? e.getMessage() : "");
            report.set(null);
        }).start();
    }

    /** What the next reply would send if {@code draft} were said now; any thread. */
    public PromptReport previewWith(String draft) {
        return studio.threads().preview(conversation.id(), leaf, draft);
    }

    public Conversation conversation() {
        return conversation;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Why the next reply's prompt cannot be sent at all, with the figures; "" while it fits. */
    public javafx.beans.property.ReadOnlyStringProperty tooSmallProperty() {
        return tooSmall;
    }

    public ObjectProperty<PromptReport> reportProperty() {
        return report;
    }

    /** The message a "source" link led to, shown marked; null when none. */
    public ObjectProperty<Long> highlightedProperty() {
        return highlighted;
    }

    public Studio studio() {
        return studio;
    }

    public Background background() {
        return background;
    }
}
