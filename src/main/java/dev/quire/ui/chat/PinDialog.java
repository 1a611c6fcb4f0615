package dev.quire.ui.chat;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Optional;

/** Where to keep a passage from a conversation: a character's sheet (a field, or a new fact), a lore entry, or the notes. */
public final class PinDialog {

    /** The writer's choice. Exactly one of the targets is set. */
    public record Choice(String passage, CharacterSheet character, CharacterSheet.Field field, boolean asFact,
                         boolean toLore, LoreEntry lore, String newLoreTitle, boolean toNotes, boolean toCanon) {
    }

    private static final String AS_FACT = "as a new fact";

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextArea passage = new TextArea();
    private final ToggleGroup target = new ToggleGroup();
    private final RadioButton toSheet = new RadioButton("A character's sheet");
    private final RadioButton toLore = new RadioButton("A lore entry");
    private final RadioButton toNotes = new RadioButton("The story notes");
    private final RadioButton toCanon = new RadioButton("The canon (always sent, never trimmed)");
    private final ComboBox<CharacterSheet> character = new ComboBox<>();
    private final ComboBox<String> field = new ComboBox<>();
    private final ComboBox<LoreEntry> lore = new ComboBox<>();
    private final TextField loreTitle = new TextField();

    public PinDialog(Window owner, String selected, List<CharacterSheet> characters, List<LoreEntry> entries) {
        dialog.initOwner(owner);
        dialog.setTitle("Pin");
        dialog.setHeaderText("Keep this passage in the story");
        passage.setText(selected.strip());
        passage.setWrapText(true);
        // the whole fact in view, however long: wrapped, and as many rows as it needs up to a screenful
        passage.setPrefColumnCount(52);
        passage.setPrefRowCount(rowsFor(selected.strip(), 52));
        passage.getStyleClass().add("pin-passage");
        dialog.setResizable(true);
        for (RadioButton r : new RadioButton[] {toSheet, toLore, toNotes, toCanon}) {
            r.setToggleGroup(target);
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        toSheet.setSelected(true);
        character.getItems().setAll(characters);
        character.setConverter(names(c -> c == null ? "" : c.name()));
        if (!characters.isEmpty()) {
            character.setValue(characters.get(0));
        }
        field.getItems().add(AS_FACT);
        for (CharacterSheet.Field f : CharacterSheet.Field.values()) {
            if (f != CharacterSheet.Field.PRIVATE_NOTES) {
                field.getItems().add(f.label());
            }
        }
        field.setValue(AS_FACT);
        lore.getItems().add(null);
        lore.getItems().addAll(entries);
        lore.setConverter(names(e -> e == null ? "New entry" : e.title()));
        lore.setValue(null);
        loreTitle.setPromptText("Title of the new entry");
        loreTitle.disableProperty().bind(lore.valueProperty().isNotNull());
        character.disableProperty().bind(toSheet.selectedProperty().not());
        field.disableProperty().bind(toSheet.selectedProperty().not());
        lore.disableProperty().bind(toLore.selectedProperty().not());
        loreTitle.disableProperty().bind(toLore.selectedProperty().not().or(lore.valueProperty().isNotNull()));

        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {character, field, lore, loreTitle}) {
            c.setPrefWidth(210);
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, toSheet, character, field);
        grid.addRow(1, toLore, lore, loreTitle);
        grid.addRow(2, toNotes);
        grid.addRow(3, toCanon);
        Label hint = new Label("Facts keep a link back to this message; sheets and lore reach later prompts.");
        hint.getStyleClass().add("field-hint");
        VBox content = new VBox(10, passage, grid, hint);
        content.setPadding(new Insets(8, 4, 4, 4));
        dialog.getDialogPane().setContent(content);
        ButtonType pin = new ButtonType("Pin", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, pin);
    }

    public Optional<Choice> choose() {
        Optional<ButtonType> answer = dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE);
        if (answer.isEmpty() || passage.getText().isBlank()) {
            return Optional.empty();
        }
        String text = passage.getText().strip();
        if (toSheet.isSelected()) {
            if (character.getValue() == null) {
                return Optional.empty();
            }
            boolean fact = AS_FACT.equals(field.getValue());
            CharacterSheet.Field f = fact ? null : java.util.Arrays.stream(CharacterSheet.Field.values())
                    .filter(x -> x.label().equals(field.getValue())).findFirst().orElse(null);
            return Optional.of(new Choice(text, character.getValue(), f, fact, false, null, null, false, false));
        }
        if (toLore.isSelected()) {
            return Optional.of(new Choice(text, null, null, false, true, lore.getValue(),
                    loreTitle.getText().isBlank() ? firstWords(text) : loreTitle.getText().strip(), false, false));
        }
        if (toCanon.isSelected()) {
            return Optional.of(new Choice(text, null, null, false, false, null, null, false, true));
        }
        return Optional.of(new Choice(text, null, null, false, false, null, null, true, false));
    }

    /** Rows a wrapped text needs at about {@code columns} characters a row: three at least, twelve at most. */
    static int rowsFor(String text, int columns) {
        int rows = 0;
        for (String line : text.split("\n", -1)) {
            rows += Math.max(1, (int) Math.ceil(line.length() / (double) columns));
        }
        return Math.max(3, Math.min(12, rows + 1));
    }

    /** The passage field, for tests. */
    TextArea passageField() {
        return passage;
    }

    private static String firstWords(String text) {
        String[] words = text.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length)));
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
