package dev.quire.ui.stitch;

import dev.quire.model.Composition;
import dev.quire.model.Prose;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tooltip;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Accept, saying what it will do to the scene: "Replace the scene's 443 words" or "Insert at the cursor" on the
 * button, the other choice in its menu. Either way the scene editor can undo it in one step, and the scene's text
 * before it stays among the revisions.
 */
public final class AcceptChoice {

    private AcceptChoice() {
    }

    /** What the button does when pressed, for a scene of {@code sceneWords} words. */
    public static String label(Composition.Placement placement, int sceneWords) {
        return switch (placement) {
            case AT_CURSOR -> "Insert at the cursor";
            case REPLACE_SELECTION -> "Replace the selected passage";
            case REPLACE_SCENE -> replaceScene(sceneWords);
        };
    }

    /** The whole-scene choice: says how much it replaces. */
    public static String replaceScene(int sceneWords) {
        if (sceneWords <= 0) {
            return "Make it the scene's text";
        }
        return "Replace the scene's " + NumberFormat.getIntegerInstance(Locale.getDefault()).format(sceneWords)
                + (sceneWords == 1 ? " word" : " words");
    }

    /** What the status bar says once it is done, with an Undo beside it. */
    static String done(Composition.Placement placement, int sceneWordsBefore, int composedWords) {
        String words = NumberFormat.getIntegerInstance(Locale.getDefault()).format(composedWords)
                + (composedWords == 1 ? " word" : " words");
        return switch (placement) {
            case AT_CURSOR -> "Inserted " + words + " at the cursor.";
            case REPLACE_SELECTION -> "Replaced the passage with " + words + ".";
            case REPLACE_SCENE -> sceneWordsBefore <= 0 ? "The composition is the scene's text now (" + words + ")."
                    : "Replaced the scene's " + NumberFormat.getIntegerInstance(Locale.getDefault())
                    .format(sceneWordsBefore) + " words with " + words + ".";
        };
    }

    /** The Accept button: the pane's own placement when pressed; both other choices in its menu. */
    static SplitMenuButton button(StitchViewModel model) {
        SplitMenuButton accept = new SplitMenuButton();
        accept.getStyleClass().addAll("accent", "accept-button");
        StringBinding main = Bindings.createStringBinding(() -> label(model.placementProperty().get(),
                model.sceneWordsProperty().get()), model.placementProperty(), model.sceneWordsProperty());
        accept.textProperty().bind(main);
        accept.setOnAction(e -> model.accept());
        MenuItem replace = new MenuItem();
        replace.getStyleClass().add("accept-replace-scene");
        replace.textProperty().bind(Bindings.createStringBinding(() -> replaceScene(model.sceneWordsProperty().get()),
                model.sceneWordsProperty()));
        replace.setOnAction(e -> model.acceptAsScene());
        MenuItem atCursor = new MenuItem("Insert at the cursor");
        atCursor.getStyleClass().add("accept-at-cursor");
        atCursor.setOnAction(e -> model.acceptAtCursor());
        accept.getItems().addAll(replace, atCursor);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> model.placementText()
                        + ". Ctrl+Z in the scene undoes it; the text before stays among the revisions.",
                model.placementProperty()));
        accept.setTooltip(tip);
        return accept;
    }

    /** Where Accept puts the composition, said in full. */
    static String tooltip(Composition.Placement placement, int anchorStart) {
        return switch (placement) {
            case AT_CURSOR -> "Insert at the cursor where Continue was asked (position " + anchorStart + ")";
            case REPLACE_SELECTION -> "Replace the selected passage the rewrite was asked for";
            case REPLACE_SCENE -> "Replace the scene text (the current text stays among the revisions)";
        };
    }

    /**
     * A continuation or rewrite is sent and comes back without the whitespace around it; put back a space (the
     * writer's) where it would otherwise run into the words beside it.
     */
    static Prose spaced(Prose prose, String scene, Composition.Placement where, int start, int end) {
        if (where == Composition.Placement.REPLACE_SCENE || prose.isEmpty()) {
            return prose;
        }
        int from = Math.min(start, scene.length());
        int to = where == Composition.Placement.REPLACE_SELECTION ? Math.min(Math.max(end, from), scene.length()) : from;
        Prose out = prose;
        if (from > 0 && !Character.isWhitespace(scene.charAt(from - 1))
                && !Character.isWhitespace(out.text().charAt(0))) {
            out = Prose.plain(" ").replace(1, 1, out);
        }
        if (to < scene.length() && !Character.isWhitespace(scene.charAt(to))
                && !Character.isWhitespace(out.text().charAt(out.text().length() - 1))
                && Character.isLetterOrDigit(scene.charAt(to))) {
            out = out.replace(out.text().length(), out.text().length(), Prose.plain(" "));
        }
        return out;
    }
}
