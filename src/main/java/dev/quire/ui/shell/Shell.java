package dev.quire.ui.shell;

import dev.quire.ui.common.Dialogs;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * What the window's flows share: its state, its questions to the writer, the window that owns their dialogs,
 * and the open tabs.
 */
record Shell(MainViewModel model, Dialogs dialogs, Supplier<Window> window, EditorTabs tabs) {

    /** Saves every open editor and the story's bible and notes now: before a flow reads what the writer sees. */
    void flushAll() {
        tabs.flushAll();
        MainViewModel.OpenStory open = model.openStoryProperty().get();
        if (open != null) {
            open.bible().flush();
        }
    }

    /** A passing word in the status bar. */
    void notice(String text) {
        model.noticeProperty().set(text);
    }

    /** A passing word with a button beside it ("Undo") that does {@code run} once and goes. */
    void notice(String text, String action, Runnable run) {
        model.notice(text, new MainViewModel.NoticeAction(action, run));
    }
}
