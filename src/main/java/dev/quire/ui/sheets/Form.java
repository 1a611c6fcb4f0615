package dev.quire.ui.sheets;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Small builders for the sheet-like forms: a labelled field, a section heading, a readable column. */
final class Form {

    private Form() {
    }

    static VBox field(String label, String hint, Node input) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        l.setLabelFor(input);
        VBox box = new VBox(4, l, input);
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().add("field-hint");
            h.setWrapText(true);
            box.getChildren().add(h);
        }
        return box;
    }

    static TextField line(StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    static TextArea area(StringProperty value, String prompt, int rows) {
        TextArea a = new TextArea();
        a.getStyleClass().add(dev.quire.ui.spell.FieldSpelling.LONG_FIELD);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.setPromptText(prompt);
        a.textProperty().bindBidirectional(value);
        growWithText(a, rows);
        return a;
    }

    /**
     * Lets a text area grow with its text instead of scrolling inside a scrolling page: a sheet
     * reads top to bottom, with no field hiding half its contents.
     */
    static void growWithText(TextArea area, int minRows) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        Runnable fit = () -> {
            double width = area.getWidth() - 28;
            if (width <= 0) {
                return;
            }
            probe.setFont(area.getFont());
            probe.setWrappingWidth(width);
            probe.setText(area.getText() == null || area.getText().isEmpty() ? "X" : area.getText() + "\n");
            double lineHeight = area.getFont().getSize() * 1.4;
            area.setPrefHeight(Math.max(minRows * lineHeight, probe.getLayoutBounds().getHeight()) + 18);
        };
        area.textProperty().addListener((o, was, now) -> fit.run());
        area.widthProperty().addListener((o, was, now) -> fit.run());
        area.fontProperty().addListener((o, was, now) -> fit.run());
        area.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    /** A column of comfortable reading width, scrolling as a whole. */
    static ScrollPane page(Node... children) {
        VBox column = new VBox(14, children);
        column.getStyleClass().add("form-page");
        column.setPadding(new Insets(20, 28, 40, 28));
        column.setMaxWidth(760);
        VBox centred = new VBox(column);
        centred.setFillWidth(true);
        centred.setStyle("-fx-alignment: top-center;");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form-scroll");
        return scroll;
    }

    /** "a, b, c" to a list, dropping blanks. */
    static java.util.List<String> list(String commaSeparated) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** One entry a line, dropping blanks. */
    static java.util.List<String> lines(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String s : text.split("\n")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
