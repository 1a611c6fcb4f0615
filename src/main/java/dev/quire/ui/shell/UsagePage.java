package dev.quire.ui.shell;

import dev.quire.ui.usage.UsageView;
import dev.quire.ui.usage.UsageViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The Usage page, laid over whatever the centre shows, as the Providers page is; Done or Esc goes back. */
final class UsagePage {

    private final Shell shell;
    private final StackPane centre;
    private Node page;

    UsagePage(Shell shell, StackPane centre) {
        this.shell = shell;
        this.centre = centre;
    }

    boolean isOpen() {
        return page != null;
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
        MainViewModel.OpenStory story = shell.model().openStoryProperty().get();
        UsageViewModel vm = new UsageViewModel(shell.model().studio(), shell.model().background(),
                story == null ? null : story.story().id());
        Button done = new Button("Done");
        done.setCancelButton(true);
        done.setOnAction(e -> close());
        BorderPane overlay = new BorderPane(new UsageView(vm).view());
        HBox bottom = new HBox(done);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(0, 28, 20, 28));
        overlay.setBottom(bottom);
        overlay.getStyleClass().addAll("settings-overlay", "usage-overlay");
        page = overlay;
        centre.getChildren().add(overlay);
        vm.reload();
    }

    void close() {
        if (page != null) {
            centre.getChildren().remove(page);
            page = null;
        }
    }
}
