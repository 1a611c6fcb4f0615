package dev.quire.bench;

import dev.quire.model.Conversation;
import dev.quire.model.Message;
import dev.quire.model.Story;
import dev.quire.studio.ConversationThreads;
import dev.quire.studio.Studio;
import dev.quire.ui.chat.ChatView;
import dev.quire.ui.chat.ChatViewModel;
import dev.quire.ui.common.Background;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 500-message brainstorm: loading its branch, opening it in the chat view, and scrolling through it
 * a few rows a frame, each beside a baseline (one query for all rows; a list of plain labels).
 * Prints figures; fails only if the thread does not load whole.
 */
@Tag("bench")
class ChatBenchmark {

    private static final int MESSAGES = 500;

    @Test
    void aLongThreadOpensAndScrolls(@TempDir Path dir) throws Exception {
        try (Studio studio = Studio.open(dir, Studio.NewLibrary.EMPTY);
             Background background = Background.direct()) {
            Story story = studio.stories().create(Story.titled("Long talk"));
            ConversationThreads threads = studio.threads();
            Conversation c = threads.start(story.id(), null, "Five hundred messages", "cowriter");
            Random random = new Random(7);
            Long parent = null;
            for (int i = 0; i < MESSAGES; i++) {
                Message m = i % 2 == 0 ? threads.say(c.id(), parent, sentence(random, 8 + random.nextInt(30)))
                        : studio.conversations().add(new Message(0, c.id(), parent, Message.Role.ASSISTANT,
                        paragraphs(random), null, null));
                parent = m.id();
            }
            assertEquals(MESSAGES, threads.path(c.id(), null).size());

            ChatViewModel loader = new ChatViewModel(studio, background, Runnable::run, c);
            Stats.Sample load = sample("load the branch and its alternatives (ChatViewModel.show)", 5, 30, () -> {
                long t = System.nanoTime();
                loader.show(null);
                return System.nanoTime() - t;
            });
            assertEquals(MESSAGES, loader.rows().size());
            Stats.Sample loadBase = sample("baseline: all the conversation's rows in one query", 5, 30, () -> {
                long t = System.nanoTime();
                studio.conversations().messages(c.id());
                return System.nanoTime() - t;
            });

            FxThread.start();
            Stats.Sample open = sample("open the chat view and lay it out", 3, 10, () -> FxThread.call(() -> {
                long t = System.nanoTime();
                ChatView view = new ChatView(new ChatViewModel(studio, background, Runnable::run, c), (r, p) -> { });
                Stage stage = stage(view.view());
                stage.close();
                return System.nanoTime() - t;
            }));
            List<String> texts = new ArrayList<>();
            threads.path(c.id(), null).forEach(m -> texts.add(m.text()));
            Stats.Sample openBase = sample("baseline: a list of plain labels, same texts", 3, 10, () -> FxThread.call(() -> {
                long t = System.nanoTime();
                Stage stage = stage(labels(texts));
                stage.close();
                return System.nanoTime() - t;
            }));

            ChatView view = FxThread.call(() -> new ChatView(new ChatViewModel(studio, background, Runnable::run, c), (r, p) -> { }));
            Stage chatStage = FxThread.call(() -> stage(view.view()));
            ListView<?> chatList = (ListView<?>) FxThread.call(() -> chatStage.getScene().lookup(".chat-list"));
            Stats.Sample scroll = scroll("scroll: 5 rows a frame through the chat view", chatList, chatStage);
            ListView<String> plain = labels(texts);
            Stage plainStage = FxThread.call(() -> stage(plain));
            Stats.Sample scrollBase = scroll("baseline: the same through plain labels", plain, plainStage);
            FxThread.call(() -> {
                chatStage.close();
                plainStage.close();
                return null;
            });

            System.out.println();
            System.out.println("Chat benchmark: " + MESSAGES + " messages on one branch");
            for (Stats.Sample s : List.of(load, loadBase, open, openBase, scroll, scrollBase)) {
                System.out.println("  " + s.line());
            }
            System.out.printf("  ratios: load %.1fx, open %.1fx, scroll %.1fx; frame budget 16.7 ms: scroll p90 %s%n",
                    load.median() / loadBase.median(), open.median() / openBase.median(),
                    scroll.median() / scrollBase.median(), scroll.p90() <= 16.7 ? "within" : "OVER");
        }
    }

    private static Stats.Sample scroll(String name, ListView<?> list, Stage stage) throws Exception {
        int steps = MESSAGES / 5;
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            int row = i * 5;
            ms[i] = FxThread.call(() -> {
                long t = System.nanoTime();
                list.scrollTo(row);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return (System.nanoTime() - t) / 1e6;
            });
        }
        return new Stats.Sample(name, "ms", ms);
    }

    private static ListView<String> labels(List<String> texts) {
        ListView<String> list = new ListView<>();
        list.getItems().setAll(texts);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label label = new Label();

            {
                label.setWrapText(true);
                label.maxWidthProperty().bind(v.widthProperty().subtract(40));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                label.setText(item);
                setGraphic(empty ? null : label);
            }
        });
        return list;
    }

    private static Stage stage(javafx.scene.Node root) {
        Stage stage = new Stage();
        Scene scene = new Scene(root instanceof javafx.scene.Parent p ? p : new javafx.scene.layout.StackPane(root),
                1000, 760);
        scene.getStylesheets().add(ChatBenchmark.class.getResource("/dev/quire/ui/quire.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return stage;
    }

    private static Stats.Sample sample(String name, int warmups, int runs, Callable<Long> timed) throws Exception {
        for (int i = 0; i < warmups; i++) {
            timed.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = timed.call() / 1e6;
        }
        return new Stats.Sample(name, "ms", ms);
    }

    private static final String[] WORDS = ("the tide gauge ledger creek hard mud reading pencil nine sevens crossed "
            + "window ward hip Maud Bert Odile quince jelly cloud cumulus grass thermometer rain shutters green "
            + "father week bed pride grief thanked record unbroken why because would never said quiet").split(" ");

    private static String sentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1) + ".";
    }

    private static String paragraphs(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int p = 0; p < n; p++) {
            if (p > 0) {
                sb.append("\n\n");
            }
            for (int s = 0; s < 2 + r.nextInt(4); s++) {
                sb.append(s == 0 ? "" : " ").append(sentence(r, 6 + r.nextInt(18)));
            }
        }
        return sb.toString();
    }
}
