package dev.quire.ui.editor;

import dev.quire.ui.prose.ProseArea;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Find and replace in a scene: Ctrl+F shows it, Enter finds the next match, Esc hides it. */
public final class FindBar extends HBox {

    private final ProseArea area;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final CheckBox matchCase = new CheckBox("Match case");
    private final CheckBox wholeWords = new CheckBox("Whole words");
    private final Label count = new Label();

    public FindBar(ProseArea area) {
        this.area = area;
        getStyleClass().add("find-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
        find.setPromptText("Find");
        replace.setPromptText("Replace with");
        Button previous = new Button("Previous");
        Button next = new Button("Next");
        Button one = new Button("Replace");
        Button all = new Button("Replace all");
        Button close = new Button("✕");
        close.getStyleClass().add("flat");
        previous.setOnAction(e -> step(-1));
        next.setOnAction(e -> step(1));
        one.setOnAction(e -> replaceOne());
        all.setOnAction(e -> replaceAll());
        close.setOnAction(e -> hide());
        find.textProperty().addListener((o, was, now) -> {
            updateCount();
            step(0);
        });
        matchCase.selectedProperty().addListener((o, was, now) -> updateCount());
        wholeWords.selectedProperty().addListener((o, was, now) -> updateCount());
        find.setOnAction(e -> step(1));
        replace.setOnAction(e -> replaceOne());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        count.getStyleClass().add("field-hint");
        getChildren().addAll(find, previous, next, count, replace, one, all, matchCase, wholeWords, close);
        hide();
    }

    /** Shows the bar with the selection (if any) as what to find. */
    public void show() {
        setVisible(true);
        setManaged(true);
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            find.setText(selected);
        }
        find.requestFocus();
        find.selectAll();
        updateCount();
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    /** Start offsets of every match in the text. */
    List<Integer> matches() {
        List<Integer> out = new ArrayList<>();
        String needle = find.getText();
        if (needle.isEmpty()) {
            return out;
        }
        String text = area.getText();
        if (!matchCase.isSelected()) {
            text = text.toLowerCase(Locale.ROOT);
            needle = needle.toLowerCase(Locale.ROOT);
        }
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            if (!wholeWords.isSelected() || (isWordEdge(text, i - 1) && isWordEdge(text, i + needle.length()))) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean isWordEdge(String text, int at) {
        return at < 0 || at >= text.length() || !Character.isLetterOrDigit(text.charAt(at));
    }

    /** Selects the next (1), previous (-1) or nearest following (0) match, wrapping around. */
    void step(int direction) {
        List<Integer> found = matches();
        if (found.isEmpty()) {
            return;
        }
        int caret = direction < 0 ? area.getSelection().getStart() : direction == 0
                ? area.getSelection().getStart() : area.getSelection().getEnd();
        int pick = -1;
        if (direction < 0) {
            for (int i = found.size() - 1; i >= 0; i--) {
                if (found.get(i) < caret) {
                    pick = found.get(i);
                    break;
                }
            }
            pick = pick < 0 ? found.get(found.size() - 1) : pick;
        } else {
            for (int start : found) {
                if (start >= caret) {
                    pick = start;
                    break;
                }
            }
            pick = pick < 0 ? found.get(0) : pick;
        }
        area.selectRange(pick, pick + find.getText().length());
        area.requestFollowCaret();
    }

    void replaceOne() {
        String needle = find.getText();
        String selected = area.getSelectedText();
        boolean onMatch = matchCase.isSelected() ? selected.equals(needle) : selected.equalsIgnoreCase(needle);
        if (!needle.isEmpty() && onMatch) {
            int start = area.getSelection().getStart();
            area.replaceText(start, start + selected.length(), replace.getText());
            area.moveTo(start + replace.getText().length());
        }
        step(1);
        updateCount();
    }

    void replaceAll() {
        List<Integer> found = matches();
        int length = find.getText().length();
        // from the end, so earlier offsets stay valid; one undoable change per match
        for (int i = found.size() - 1; i >= 0; i--) {
            area.replaceText(found.get(i), found.get(i) + length, replace.getText());
        }
        count.setText(found.size() == 1 ? "Replaced 1" : "Replaced " + found.size());
    }

    private void updateCount() {
        int n = matches().size();
        count.setText(find.getText().isEmpty() ? "" : n == 0 ? "No matches" : n == 1 ? "1 match" : n + " matches");
    }

    CheckBox wholeWordsBox() {
        return wholeWords;
    }

    TextField findField() {
        return find;
    }

    TextField replaceField() {
        return replace;
    }
}
