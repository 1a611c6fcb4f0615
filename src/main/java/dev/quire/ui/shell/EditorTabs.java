package dev.quire.ui.shell;

import dev.quire.ui.common.Editor;
import dev.quire.ui.common.EditorKey;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The centre tabs: one per open {@link Editor}, found again by its {@link EditorKey}. Closing a tab saves its
 * editor and stops what runs for it; a deleted item's tab is discarded without saving.
 */
final class EditorTabs {

    private final TabPane tabs = new TabPane();
    private final StackPane area;

    EditorTabs() {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add("editor-tabs");
        Label noTabs = new Label("Open a scene, a character or the bible from the binder.\n"
                + "Ctrl+N adds a scene.");
        noTabs.getStyleClass().add("empty-hint");
        area = new StackPane(noTabs, tabs);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
    }

    /** The tabs with the hint shown when none is open. */
    Node view() {
        return area;
    }

    TabPane pane() {
        return tabs;
    }

    /** Opens an editor in a tab, or selects its tab if it is open already. */
    void open(Editor editor) {
        Optional<Tab> open = find(editor.key());
        if (open.isPresent()) {
            tabs.getSelectionModel().select(open.get());
            ((Editor) open.get().getUserData()).focus();
            return;
        }
        Tab tab = new Tab();
        tab.textProperty().bind(editor.title());
        tab.setContent(editor.view());
        tab.setUserData(editor);
        tab.setOnClosed(e -> editor.close());
        tabs.getTabs().add(tab);
        // a tab shown again gives its editor the focus at once: left to the window, the focus would fall on the
        // tab's first field and scroll a long sheet back to its top (added after the skin's own listener, which
        // makes the content visible first)
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && tabs.getScene() != null) {
                editor.focus();
            }
        });
        tabs.getSelectionModel().select(tab);
        editor.focus();
    }

    /** Selects the tab of {@code key}; false when it is not open. */
    boolean select(EditorKey key) {
        Optional<Tab> open = find(key);
        open.ifPresent(t -> tabs.getSelectionModel().select(t));
        return open.isPresent();
    }

    /** The editor open for {@code key}, if any. */
    Optional<Editor> editor(EditorKey key) {
        return find(key).map(t -> (Editor) t.getUserData());
    }

    boolean isOpen(EditorKey key) {
        return find(key).isPresent();
    }

    /** The editor in the selected tab, if any. */
    Optional<Editor> selected() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t != null && t.getUserData() instanceof Editor e ? Optional.of(e) : Optional.empty();
    }

    /** Closes the selected tab, saving it. */
    void closeSelected() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null) {
            tabs.getTabs().remove(t);
            if (t.getUserData() instanceof Editor e) {
                e.close();
            }
        }
    }

    /** Closes the tab of something deleted, without saving it again. */
    void discard(EditorKey key) {
        tabs.getTabs().removeIf(t -> {
            if (t.getUserData() instanceof Editor e && e.key().equals(key)) {
                e.discard();
                return true;
            }
            return false;
        });
    }

    /** Saves every open editor and stops what runs for them; the tabs stay until {@link #clear()}. */
    void closeAll() {
        editors().forEach(Editor::close);
    }

    /** Saves every open editor now. */
    void flushAll() {
        editors().forEach(Editor::flush);
    }

    void clear() {
        tabs.getTabs().clear();
    }

    private List<Editor> editors() {
        List<Editor> editors = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() instanceof Editor e) {
                editors.add(e);
            }
        }
        return editors;
    }

    private Optional<Tab> find(EditorKey key) {
        return tabs.getTabs().stream()
                .filter(t -> t.getUserData() instanceof Editor e && e.key().equals(key))
                .findFirst();
    }
}
