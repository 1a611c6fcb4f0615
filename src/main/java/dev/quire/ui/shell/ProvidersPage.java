package dev.quire.ui.shell;

import dev.quire.ui.settings.ProvidersView;
import dev.quire.ui.settings.ProvidersViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The Providers page, laid over whatever the centre shows; Done or Esc goes back to it. */
final class ProvidersPage {

    private final Shell shell;
    private final StackPane centre;
    private Node page;

    ProvidersPage(Shell shell, StackPane centre) {
        this.shell = shell;
        this.centre = centre;
    }

    void toggle() {
        if (page != null) {
            close();
        } else {
            open();
        }
    }

    void open() {
        if (page != null) {
            return;
        }
        shell.flushAll();
        ProvidersViewModel vm = new ProvidersViewModel(shell.model().studio(), shell.model().background());
        Button done = new Button("Done");
        done.setCancelButton(true);
        done.setOnAction(e -> close());
        BorderPane overlay = new BorderPane(new ProvidersView(vm).view());
        HBox bottom = new HBox(done);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(0, 28, 20, 28));
        overlay.setBottom(bottom);
        overlay.getStyleClass().add("settings-overlay");
        page = overlay;
        centre.getChildren().add(overlay);
        shell.model().providersShownProperty().set(true);
        vm.reload();
    }

    void close() {
        if (page != null) {
            centre.getChildren().remove(page);
            page = null;
        }
        shell.model().providersShownProperty().set(false);
    }
}
