package dev.quire.ui.stitch;

import dev.quire.model.Variant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * What happened to a column's variant, above its text: a cut-off one says so and offers Continue; a refused one
 * shows the model's own words; and the model's thinking, when it sent any, folds away under "How the model got
 * here". None of it is ever part of the variant's text.
 */
final class VariantOutcome extends VBox {

    private final Button continueButton = new Button("Continue");
    private final TitledPane thinkingPane;

    VariantOutcome(VariantColumn column, Runnable continueVariant) {
        getStyleClass().add("variant-outcome");
        setSpacing(4);

        Label reason = new Label();
        reason.getStyleClass().add("variant-outcome-reason");
        reason.setWrapText(true);
        reason.setMinWidth(0);
        // a narrow column wraps the reason onto a second line rather than cutting it short
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.textProperty().bind(Bindings.createStringBinding(() -> reasonText(column.statusProperty().get(),
                column.outputLimitProperty().get()), column.statusProperty(), column.outputLimitProperty()));
        HBox.setHgrow(reason, Priority.ALWAYS);
        reason.setMaxWidth(Double.MAX_VALUE);
        continueButton.getStyleClass().addAll("small", "variant-continue");
        continueButton.setMinWidth(Region.USE_PREF_SIZE);
        continueButton.setOnAction(e -> continueVariant.run());
        continueButton.visibleProperty().bind(column.statusProperty().isEqualTo(Variant.Status.CUT_OFF));
        continueButton.managedProperty().bind(continueButton.visibleProperty());
        HBox cut = new HBox(6, reason, continueButton);
        cut.setAlignment(Pos.CENTER_LEFT);
        cut.visibleProperty().bind(reason.textProperty().isNotEmpty());
        cut.managedProperty().bind(cut.visibleProperty());

        Label refusal = new Label();
        refusal.getStyleClass().add("variant-refusal");
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.textProperty().bind(Bindings.createStringBinding(() -> column.refusalProperty().get().isEmpty() ? ""
                : "“" + column.refusalProperty().get() + "”", column.refusalProperty()));
        refusal.visibleProperty().bind(column.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());

        TextArea thought = new TextArea();
        thought.getStyleClass().add("variant-thinking-text");
        thought.setEditable(false);
        thought.setWrapText(true);
        thought.setPrefRowCount(5);
        // enough to read a few lines of it even in a short pane; the prose below keeps its own minimum
        thought.setMinHeight(64);
        thought.textProperty().bind(column.thinkingProperty());
        thinkingPane = new TitledPane("How the model got here", thought);
        thinkingPane.getStyleClass().add("variant-thinking");
        thinkingPane.setExpanded(false);
        thinkingPane.setAnimated(false);
        thinkingPane.visibleProperty().bind(column.thinkingProperty().isNotEmpty());
        thinkingPane.managedProperty().bind(thinkingPane.visibleProperty());

        getChildren().addAll(cut, refusal, thinkingPane);
        visibleProperty().bind(cut.visibleProperty().or(refusal.visibleProperty()).or(thinkingPane.visibleProperty()));
        managedProperty().bind(visibleProperty());
    }

    /** What the column says about how its variant ended; empty when there is nothing to say beyond its status. */
    static String reasonText(Variant.Status status, Integer limit) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case CUT_OFF -> "Cut off at the output limit" + (limit == null ? ""
                    : String.format(Locale.ROOT, " (%,d tokens)", limit));
            case REFUSED -> "The model declined to write this.";
            default -> "";
        };
    }

    Button continueButton() {
        return continueButton;
    }

    TitledPane thinkingPane() {
        return thinkingPane;
    }
}
