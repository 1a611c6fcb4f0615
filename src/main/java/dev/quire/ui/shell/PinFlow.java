package dev.quire.ui.shell;

import dev.quire.model.CanonFact;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.studio.ConversationThreads;
import dev.quire.ui.chat.ChatViewModel;
import dev.quire.ui.chat.PinDialog;
import dev.quire.ui.chat.YesAndDialog;
import dev.quire.ui.common.EditorKey;
import dev.quire.ui.sheets.CharacterSheetView;

import java.util.List;
import java.util.function.Consumer;

/**
 * Keeping what a conversation established: a passage pinned to a sheet (as a fact or into a field), the lore or
 * the notes, and "yes, and" notes that keep a surprise as a possible clue.
 */
final class PinFlow {

    private final Shell shell;
    private final MainViewModel.OpenStory open;
    private final Consumer<EditorKey> reopen;
    private Runnable canonChanged = () -> { };

    /** {@code reopen} reloads the tab of what a pin changed, if it is open, so it does not save its older copy. */
    PinFlow(Shell shell, MainViewModel.OpenStory open, Consumer<EditorKey> reopen) {
        this.shell = shell;
        this.open = open;
        this.reopen = reopen;
    }

    /** What to refresh when a pin adds to the canon: its tab, if open. */
    void onCanonChanged(Runnable refresh) {
        this.canonChanged = refresh;
    }

    /** Keeps a passage from a message in a sheet, the lore or the notes, and refreshes what shows it. */
    void pin(ChatViewModel.Row row, String passage) {
        if (passage == null || passage.isBlank()) {
            return;
        }
        shell.flushAll();
        var choice = new PinDialog(shell.window().get(), passage, List.copyOf(open.binder().characters()),
                List.copyOf(open.binder().lore())).choose();
        if (choice.isEmpty()) {
            return;
        }
        var c = choice.get();
        long source = row.message().id();
        long storyId = open.story().id();
        ConversationThreads threads = shell.model().studio().threads();
        Object[] pinnedFact = new Object[1];
        String[] fieldNow = new String[1];
        shell.model().background().write(() -> {
            if (c.character() != null && c.asFact()) {
                pinnedFact[0] = threads.pinAsFact(c.character().id(), c.passage(), source);
                return (EditorKey) new EditorKey.Character(c.character().id());
            } else if (c.character() != null) {
                threads.pinToField(c.character().id(), c.field(), c.passage(), source);
                fieldNow[0] = shell.model().studio().characters().get(c.character().id())
                        .map(sheet -> sheet.get(c.field())).orElse(null);
                return new EditorKey.Character(c.character().id());
            } else if (c.toCanon()) {
                shell.model().studio().canon().add(new CanonFact(0, storyId, c.passage(), CanonFact.Source.MESSAGE,
                        source, null));
                return new EditorKey.Canon(storyId);
            } else if (c.toLore()) {
                LoreEntry entry = threads.pinToLore(storyId, c.lore() == null ? null : c.lore().id(),
                        c.newLoreTitle(), c.passage(), source);
                return new EditorKey.Lore(entry.id());
            } else {
                threads.pinToNotes(storyId, c.passage(), source);
                return new EditorKey.Notes(storyId);
            }
        }).onSuccess(key -> {
            String where;
            if (key instanceof EditorKey.Character) {
                where = c.character().name() + (c.asFact() ? " as a fact" : "'s " + c.field().label().toLowerCase());
            } else if (key instanceof EditorKey.Lore) {
                where = "the lore";
            } else if (key instanceof EditorKey.Canon) {
                where = "the canon";
            } else {
                where = "the story notes";
            }
            shell.notice("Pinned to " + where + ".");
            open.binder().reload();
            if (key instanceof EditorKey.Canon) {
                canonChanged.run();
            } else if (key instanceof EditorKey.Notes) {
                shell.model().background().read(() -> shell.model().studio().stories().get(storyId))
                        .onSuccess(s -> s.ifPresent(st -> open.bible().notesChanged(st.notes())))
                        .describedAs("Quire could not show the pinned notes")
                        .start();
            } else if (key instanceof EditorKey.Character) {
                // an open sheet takes the pin in place, scrolled where it was, the new fact marked
                shell.tabs().editor(key).filter(CharacterSheetView.class::isInstance)
                        .map(e -> ((CharacterSheetView) e).model()).ifPresent(sheet -> {
                            if (pinnedFact[0] instanceof Fact fact) {
                                sheet.factPinned(fact);
                            } else if (fieldNow[0] != null) {
                                sheet.fieldPinned(c.field(), fieldNow[0]);
                            }
                        });
            } else {
                reopen.accept(key);
            }
        }).onError(e -> shell.dialogs().error("Quire could not pin the passage", e.getMessage(), e)).start();
    }

    /** "Yes, and": keeps what the model said as a possible clue, sent to the model or kept private. */
    void yesAnd(ChatViewModel.Row row, String passage) {
        String said = passage == null || passage.isBlank() ? row.textProperty().get() : passage;
        new YesAndDialog(shell.window().get(), said).choose().ifPresent(note -> {
            open.bible().addClue(note.text(), note.shared(), "message", row.message().id());
            shell.notice("Kept a “yes, and” note" + (note.shared()
                    ? ", sent to the model from now on." : ", private."));
        });
    }
}
