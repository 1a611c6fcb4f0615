import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.util.Random;

/**
 * The start-up baseline of bench/startup: one Stage with a RichTextFX StyleClassedTextArea holding a
 * 10,000-word text. Prints "bare: window ready" on standard error after the first pulse that laid the
 * shown window out.
 */
public final class BareWindow {

    private BareWindow() {
    }

    /** A main class that is not the Application, as Quire's Launcher, so it starts from a plain class path. */
    public static void main(String[] args) {
        Application.launch(Shown.class, args);
    }

    public static final class Shown extends Application {

        @Override
        public void start(Stage stage) {
            StyleClassedTextArea area = new StyleClassedTextArea();
            area.setWrapText(true);
            area.replaceText(text(10_000));
            Scene scene = new Scene(area, 1280, 800);
            stage.setScene(scene);
            stage.setTitle("Bare window");
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                System.err.println("bare: window ready");
            };
            stage.setOnShown(e -> scene.addPostLayoutPulseListener(once[0]));
            stage.show();
        }
    }

    private static String text(int words) {
        String[] vocabulary = ("the a of and to in was she he her his that it with for on at as had "
                + "but not they from by window light door night hand said voice room long quiet across "
                + "river stone morning letter garden silence road house again before after would could").split(" ");
        Random random = new Random(17);
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= words; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]);
            text.append(i % 120 == 0 ? ".\n\n" : i % 14 == 0 ? ". " : " ");
        }
        return text.toString();
    }
}
