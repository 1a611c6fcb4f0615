package dev.quire.ui.shell;

import dev.quire.ui.common.Dialogs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the window's questions in the writer's place, and keeps what it was asked and shown. */
final class ScriptedDialogs implements Dialogs {

    /** An error the window showed. */
    record Shown(String header, String message, Throwable details) {
    }

    final Deque<Optional<Path>> files = new ArrayDeque<>();
    final Deque<Boolean> confirmations = new ArrayDeque<>();
    final Deque<Optional<String>> texts = new ArrayDeque<>();
    final List<Shown> errors = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean confirm(String title, String question, String detail, String action) {
        asked.add(question);
        return confirmations.pop();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        asked.add(title);
        return files.pop();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        asked.add(title + " [" + suggestedName + "]");
        return files.pop();
    }

    @Override
    public void error(String header, String message, Throwable details) {
        errors.add(new Shown(header, message, details));
    }

    @Override
    public Optional<String> textInput(String title, String question, String label, String initial) {
        asked.add(question);
        return texts.pop();
    }
}
