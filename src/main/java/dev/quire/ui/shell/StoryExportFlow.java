package dev.quire.ui.shell;

import dev.quire.model.StoryMetadata;
import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.Layout;
import dev.quire.studio.manuscript.ManuscriptFont;
import dev.quire.studio.manuscript.StoryExport;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Export…: format, layout and options, then where; the file is written whole or not at all. */
final class StoryExportFlow {

    /** What the writer chose in the export dialog. */
    record Choice(Format format, StoryExport.Options options) {
    }

    private final Shell shell;

    StoryExportFlow(Shell shell) {
        this.shell = shell;
    }

    void run() {
        MainViewModel.OpenStory open = shell.model().openStoryProperty().get();
        if (open == null) {
            return;
        }
        shell.flushAll();
        String title = open.bible().titleProperty().get();
        long storyId = open.story().id();
        MainViewModel model = shell.model();
        // the byline the dialog shows is the one the file will carry, read after the pages were saved
        model.background().read(() -> model.studio().metadata().of(storyId))
                .onSuccess(metadata -> ask(title, metadata).ifPresent(choice -> {
                    Format chosen = choice.format();
                    shell.dialogs().chooseFileToSave("Export as " + chosen.displayName(),
                                    dev.quire.studio.FileNames.suggested(title, chosen.extension()), List.of())
                            .ifPresent(file -> export(storyId, choice, file));
                }))
                .describedAs("Quire could not read the story's author and contact")
                .start();
    }

    /** Writes the story as chosen, then says where in the status bar, or what went wrong in a dialog. */
    void export(long storyId, Choice choice, Path file) {
        MainViewModel model = shell.model();
        model.background().read(() -> StoryExport.export(model.studio(), storyId, choice.format(), choice.options(),
                        file))
                .onSuccess(r -> shell.notice("Exported " + r.scenes() + " scenes ("
                        + String.format("%,d", r.words()) + " words) to " + r.file() + "."))
                .onError(e -> shell.dialogs().error("Quire could not export the story", e.getMessage(), e))
                .start();
    }

    /** The format, layout and options; empty when the writer cancels. */
    private Optional<Choice> ask(String title, StoryMetadata metadata) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(shell.window().get());
        dialog.setTitle("Export");
        dialog.setHeaderText("Export “" + title + "”");
        Form form = new Form(metadata);
        dialog.getDialogPane().setContent(form.view());
        // the dialog grows and shrinks with the choices that apply
        javafx.beans.InvalidationListener fit = o -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        form.format.valueProperty().addListener(fit);
        form.layout.valueProperty().addListener(fit);
        ButtonType next = new ButtonType("Choose file…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, next);
        if (dialog.showAndWait().filter(b -> b == next).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(form.choice());
    }

    /** The dialog's content: a layout and a face only where they apply, and whose name the file will carry. */
    static final class Form {

        final ChoiceBox<Format> format = choices(List.of(Format.values()), Format::displayName);
        final ChoiceBox<Layout> layout = choices(List.of(Layout.values()), Layout::displayName);
        final ChoiceBox<ManuscriptFont> font = choices(List.of(ManuscriptFont.values()), f -> f.face() + ", 12 pt");
        final CheckBox underline = new CheckBox("Underline italics (only if the market asks for it)");
        final CheckBox provenance = new CheckBox("Mark where text came from (a colour per variant, with a legend)");
        final CheckBox unused = new CheckBox("Add an appendix of the variants not used");
        final Label byline = new Label();
        private static final double WIDTH = 560;
        private final VBox view;

        Form(StoryMetadata metadata) {
            format.setValue(Format.DOCX);
            layout.setValue(Layout.BOOK);
            font.setValue(ManuscriptFont.TIMES);
            byline.getStyleClass().add("field-hint");
            byline.setWrapText(true);
            byline.setMaxWidth(WIDTH);
            byline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox layoutBox = new VBox(6, new Label("Layout"), layout, font, underline, byline);
            layoutBox.visibleProperty().bind(format.valueProperty().isEqualTo(Format.DOCX)
                    .or(format.valueProperty().isEqualTo(Format.PDF)));
            layoutBox.managedProperty().bind(layoutBox.visibleProperty());
            font.visibleProperty().bind(layout.valueProperty().isEqualTo(Layout.MANUSCRIPT));
            font.managedProperty().bind(font.visibleProperty());
            underline.visibleProperty().bind(font.visibleProperty());
            underline.managedProperty().bind(font.visibleProperty());
            layout.valueProperty().addListener((o, was, now) -> byline.setText(bylineHint(metadata, now)));
            byline.setText(bylineHint(metadata, layout.getValue()));
            view = new VBox(10, new Label("Format"), format, layoutBox, provenance, unused);
            view.setPrefWidth(WIDTH);
        }

        VBox view() {
            return view;
        }

        Choice choice() {
            return new Choice(format.getValue(), new StoryExport.Options(provenance.isSelected(), unused.isSelected(),
                    layout.getValue(), font.getValue(), underline.isVisible() && underline.isSelected()));
        }

        /** Whose name the title page carries, or where to give one. */
        static String bylineHint(StoryMetadata m, Layout layout) {
            if (m.author().isEmpty() && m.byline().isEmpty()) {
                return layout == Layout.MANUSCRIPT
                        ? "No author or contact block yet: give them on the story's Bible page, under “For exports”,"
                        + " so the first page says who to write to."
                        : "No author yet: the title page will carry the title alone. Give one on the story's Bible"
                        + " page, under “For exports”.";
            }
            return layout == Layout.MANUSCRIPT
                    ? "By " + m.byline() + "; the first page carries " + (m.contactLines().size() > 1
                    ? "your contact block" : "your name (no address yet, see the Bible page)") + " and the word count."
                    : "By " + m.byline() + ".";
        }

        private static <T> ChoiceBox<T> choices(List<T> items, Function<T, String> name) {
            ChoiceBox<T> box = new ChoiceBox<>();
            box.getItems().setAll(items);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(T t) {
                    return t == null ? "" : name.apply(t);
                }

                @Override
                public T fromString(String s) {
                    return null;
                }
            });
            return box;
        }
    }
}
