package dev.quire.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The window's plain questions to the writer: confirm, choose a file, show an error, ask for a line of text.
 * Flows ask through this rather than building dialogs, so a test can answer in the writer's place.
 */
public interface Dialogs {

    /** A kind of file offered in a file chooser: "Character cards (PNG, JSON)" with its patterns ("*.png"). */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
        }

        public static final FileType ALL = new FileType("All files", "*.*");
    }

    /**
     * Asks before something that cannot be undone from the window.
     *
     * @param action the confirming button's label ("Delete")
     * @return true when the writer chose {@code action}
     */
    boolean confirm(String title, String question, String detail, String action);

    /** A file to read; empty when the writer cancels. */
    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    /** Where to write a file, starting from {@code suggestedName}; empty when the writer cancels. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    /**
     * Says what went wrong and what to do. {@code details}, when not null, is offered folded away: the chain of
     * causes, for a bug report.
     */
    void error(String header, String message, Throwable details);

    default void error(String header, String message) {
        error(header, message, null);
    }

    /** A line of text, labelled {@code label} ("Title:"), starting from {@code initial}; empty when cancelled. */
    Optional<String> textInput(String title, String question, String label, String initial);
}
