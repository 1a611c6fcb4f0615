package dev.quire.ui.shell;

import dev.quire.ui.common.Editor;
import dev.quire.ui.search.StorySearchView;
import dev.quire.ui.search.StorySearchViewModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import dev.quire.model.Chapter;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.LoreEntry;
import dev.quire.ui.binder.BinderView;
import dev.quire.ui.chat.ChatView;
import dev.quire.ui.chat.ChatViewModel;
import dev.quire.ui.common.EditorKey;
import dev.quire.ui.common.FrameExecutor;
import dev.quire.ui.editor.SceneEditorView;
import dev.quire.ui.editor.SceneEditorViewModel;
import dev.quire.ui.sheets.BibleView;
import dev.quire.ui.sheets.CanonView;
import dev.quire.ui.sheets.CanonViewModel;
import dev.quire.ui.sheets.CharacterSheetView;
import dev.quire.ui.sheets.CharacterSheetViewModel;
import dev.quire.ui.sheets.LoreEntryView;
import dev.quire.ui.sheets.LoreEntryViewModel;
import dev.quire.ui.sheets.NotesView;
import dev.quire.ui.stitch.StitchViewModel;

import java.util.function.Supplier;

/** The open story's desk: what the binder asks for, opened in tabs, with the card and pin flows beside it. */
final class StoryDesk implements BinderView.Actions {

    private final Shell shell;
    private final MainViewModel model;
    private final MainViewModel.OpenStory open;
    private final Supplier<FrameExecutor> frames;
    private final Runnable settled;
    private final CardFlow cards;
    private final LoreFlow lorebooks;
    private final PinFlow pins;
    private final SummaryFlow summaries;
    private dev.quire.ui.spell.SpellWatch sheetSpelling;

    /**
     * @param frames  where streamed text reaches the window, once per frame
     * @param settled called when the first scene is in its editor: the writer can work
     */
    StoryDesk(Shell shell, MainViewModel.OpenStory open, Supplier<FrameExecutor> frames, Runnable settled) {
        this.shell = shell;
        this.model = shell.model();
        this.open = open;
        this.frames = frames;
        this.settled = settled;
        this.cards = new CardFlow(shell);
        this.lorebooks = new LoreFlow(shell);
        this.pins = new PinFlow(shell, open, this::reopenFresh);
        this.summaries = new SummaryFlow(shell, open);
        pins.onCanonChanged(() -> shell.tabs().editor(new EditorKey.Canon(open.story().id()))
                .filter(CanonView.class::isInstance).ifPresent(e -> ((CanonView) e).refresh()));
    }

    /** Spell check for the story's sheets, made when the first one opens. */
    private dev.quire.ui.spell.SpellWatch sheetSpelling() {
        if (sheetSpelling == null) {
            sheetSpelling = new dev.quire.ui.spell.SpellWatch(model.studio(), model.background());
            sheetSpelling.story(open.story().id());
            sheetSpelling.noticeProperty().addListener((o, was, now) -> {
                if (!now.isEmpty()) {
                    shell.notice(now);
                }
            });
        }
        return sheetSpelling;
    }

    @Override
    public void openBible() {
        BibleView bible = new BibleView(open.bible(), new dev.quire.ui.spell.SpellSettingsViewModel(model.studio(),
                model.background(), open.story().id()));
        dev.quire.ui.spell.FieldSpelling.attachAll(bible.view(), sheetSpelling());
        shell.tabs().open(bible);
    }

    @Override
    public void openNotes() {
        NotesView notes = new NotesView(open.bible());
        dev.quire.ui.spell.FieldSpelling.attachAll(notes.view(), sheetSpelling());
        shell.tabs().open(notes);
    }

    @Override
    public void openCanon() {
        shell.tabs().open(new CanonView(new CanonViewModel(model.studio(), model.background(), open.story().id())));
    }

    @Override
    public void openClicheReport() {
        if (shell.tabs().select(new EditorKey.ClicheReport(open.story().id()))) {
            return;
        }
        shell.tabs().open(new dev.quire.ui.cliche.ClicheReportView(new dev.quire.ui.cliche.ClicheReportViewModel(
                model.studio(), model.background(), open.story().id()), this::openPassage));
    }

    /** The story's Search tab, opened or selected; the search view model, to set it up. */
    StorySearchViewModel openSearch() {
        EditorKey key = new EditorKey.Search(open.story().id());
        var shown = shell.tabs().editor(key).filter(StorySearchView.class::isInstance).map(StorySearchView.class::cast);
        if (shown.isPresent()) {
            shell.tabs().select(key);
            shown.get().focus();
            return shown.get().model();
        }
        StorySearchView view = new StorySearchView(new StorySearchViewModel(model.studio(), model.background(),
                open.story().id(), new StorySearchViewModel.Scenes() {
                    @Override
                    public void open(long sceneId, int start, int end) {
                        openPassage(sceneId, start, end);
                    }

                    @Override
                    public Collection<Long> release(Collection<Long> sceneIds) {
                        List<Long> wereOpen = new ArrayList<>();
                        for (long id : sceneIds) {
                            EditorKey scene = new EditorKey.Scene(id);
                            shell.tabs().editor(scene).ifPresent(editor -> {
                                // saved, its streams stopped, then gone without another save: nothing of its
                                // older copy can land on the replaced text
                                editor.close();
                                shell.tabs().discard(scene);
                                wereOpen.add(id);
                            });
                        }
                        return wereOpen;
                    }

                    @Override
                    public void reopen(Collection<Long> sceneIds) {
                        Optional<Editor> was = shell.tabs().selected();
                        sceneIds.forEach(StoryDesk.this::openScene);
                        was.ifPresent(e -> shell.tabs().select(e.key()));
                        open.binder().reload();
                    }

                    @Override
                    public void notice(String text, String action, Runnable run) {
                        if (action == null) {
                            shell.notice(text);
                        } else {
                            shell.notice(text, action, run);
                        }
                    }
                }));
        shell.tabs().open(view);
        return view.model();
    }

    /** Opens the scene with the passage selected, once its text is in. */
    private void openPassage(long sceneId, int start, int end) {
        openScene(sceneId);
        shell.tabs().editor(new EditorKey.Scene(sceneId)).filter(SceneEditorView.class::isInstance)
                .map(SceneEditorView.class::cast).ifPresent(editor -> editor.selectPassage(start, end));
    }

    @Override
    public void openScene(long sceneId) {
        openScene(sceneId, null);
    }

    /** Opens the scene, from {@code read} when it was read already (the scene resumed at start-up). */
    void openScene(long sceneId, SceneEditorViewModel.Loaded read) {
        if (shell.tabs().select(new EditorKey.Scene(sceneId))) {
            return;
        }
        model.rememberScene(open.story().id(), sceneId);
        SceneEditorViewModel vm = new SceneEditorViewModel(model.studio(), model.background(),
                model.saveStatus(), sceneId, open.binder()::sceneSaved);
        vm.preload(read);
        vm.stateProperty().addListener((o, was, state) -> {
            if (state != SceneEditorViewModel.State.LOADING) {
                settled.run();
            }
        });
        vm.repairedProperty().addListener((o, was, repaired) -> {
            if (!repaired.isEmpty()) {
                shell.notice(repaired);
            }
        });
        StitchViewModel stitch = new StitchViewModel(model.studio(), model.studio().generator(), model.background(),
                model.saveStatus(), frames.get(), frames.get(), sceneId);
        SceneEditorView editor = new SceneEditorView(vm, stitch, model.background());
        stitch.cliches().noticeProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                shell.notice(now);
            }
        });
        stitch.spelling().noticeProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                shell.notice(now);
            }
        });
        editor.onSummarise(() -> summaries.summariseScene(sceneId));
        editor.onAccepted((what, undo) -> shell.notice(what, "Undo", () -> {
            if (undo.getAsBoolean()) {
                shell.notice("Undone: the scene's text is as it was before the accept.");
            } else if (editor.view().getScene() == null) {
                shell.notice("The scene is closed: its text before the accept is among its Revisions.");
            }
        }));
        editor.onConversation(this::newConversation);
        editor.useLayout(model.layout());
        editor.onAddProvider(() -> model.providersShownProperty().set(true), model.providersShownProperty());
        shell.tabs().open(editor);
    }

    @Override
    public void openCharacter(CharacterSheet sheet) {
        if (shell.tabs().select(new EditorKey.Character(sheet.id()))) {
            return;
        }
        model.background().read(() -> model.studio().characters().get(sheet.id()).orElse(sheet))
                .onSuccess(fresh -> {
                    String named = fresh.name();
                    CharacterSheetView sheetView = new CharacterSheetView(new CharacterSheetViewModel(
                            model.studio(), model.background(), model.saveStatus(), fresh, (id, name) -> {
                                open.binder().characterRenamed(id, name);
                                offerRename(named, name);
                            }));
                    sheetView.onGoToSource(this::goToMessage);
                    dev.quire.ui.spell.FieldSpelling.attachAll(sheetView.view(), sheetSpelling());
                    shell.tabs().open(sheetView);
                })
                .describedAs("Quire could not open " + sheet.name() + "'s sheet")
                .start();
    }

    /** A character saved under a new name: the status bar offers to replace the old name across the story. */
    private void offerRename(String was, String now) {
        if (was.isBlank() || now.isBlank() || was.equals(now)) {
            return;
        }
        model.background().results().execute(() -> shell.notice("Renamed " + was + " to " + now + ".",
                "Replace “" + was + "” in the story…", () -> openSearch().offerRename(was, now)));
    }

    @Override
    public void openLore(LoreEntry entry) {
        if (shell.tabs().select(new EditorKey.Lore(entry.id()))) {
            return;
        }
        model.background().read(() -> model.studio().lore().get(entry.id()).orElse(entry))
                .onSuccess(fresh -> {
                    LoreEntryView lore = new LoreEntryView(new LoreEntryViewModel(model.studio(),
                            model.background(), model.saveStatus(), fresh, open.binder()::loreRenamed));
                    dev.quire.ui.spell.FieldSpelling.attachAll(lore.view(), sheetSpelling());
                    shell.tabs().open(lore);
                })
                .describedAs("Quire could not open the lore entry")
                .start();
    }

    @Override
    public void openConversation(Conversation conversation) {
        if (shell.tabs().select(new EditorKey.Conversation(conversation.id()))) {
            return;
        }
        shell.tabs().open(chat(conversation, null));
    }

    private ChatView chat(Conversation conversation, Long showMessage) {
        ChatViewModel vm = new ChatViewModel(model.studio(), model.background(), frames.get(), conversation);
        ChatView chat = showMessage == null ? new ChatView(vm, pins::pin) : new ChatView(vm, pins::pin, showMessage);
        chat.onNote(pins::yesAnd);
        return chat;
    }

    /** Opens the conversation a message belongs to, showing the branch that leads to that message. */
    private void goToMessage(long messageId) {
        model.background().read(() -> model.studio().conversations().message(messageId)
                        .flatMap(m -> model.studio().conversations().get(m.conversationId())))
                .onSuccess(found -> found.ifPresentOrElse(conversation -> {
                    EditorKey key = new EditorKey.Conversation(conversation.id());
                    // an open conversation keeps its draft: it is shown at the message, not reopened
                    var shown = shell.tabs().editor(key).filter(ChatView.class::isInstance).map(ChatView.class::cast);
                    if (shown.isPresent()) {
                        shell.tabs().select(key);
                        shown.get().reveal(messageId);
                    } else {
                        shell.tabs().open(chat(conversation, messageId));
                    }
                }, () -> model.problemProperty().set("The conversation this came from has been deleted.")))
                .describedAs("Quire could not open the conversation")
                .start();
    }

    @Override
    public void newConversation(Long sceneId, String frameKey) {
        long storyId = open.story().id();
        String title = sceneId == null
                ? ("analyst".equals(frameKey) ? "Analysis " : "Brainstorm ") + (open.binder().conversations().size() + 1)
                : "Discussion: " + open.binder().scenes().stream().filter(h -> h.id() == sceneId).findFirst()
                .map(h -> h.title()).orElse("scene");
        model.background().write(() -> model.studio().threads().start(storyId, sceneId, title, frameKey))
                .onSuccess(c -> {
                    open.binder().reload();
                    openConversation(c);
                })
                .onError(e -> shell.dialogs().error("Quire could not start the conversation", e.getMessage(), e))
                .start();
    }

    /** An open sheet or lore tab would save its older copy over a pin: reopen it from the library. */
    private void reopenFresh(EditorKey key) {
        boolean wasOpen = shell.tabs().isOpen(key);
        shell.tabs().discard(key);
        if (!wasOpen) {
            return;
        }
        if (key instanceof EditorKey.Character c) {
            model.background().read(() -> model.studio().characters().get(c.characterId()))
                    .onSuccess(sheet -> sheet.ifPresent(this::openCharacter))
                    .describedAs("Quire could not reopen the sheet")
                    .start();
        } else if (key instanceof EditorKey.Lore l) {
            model.background().read(() -> model.studio().lore().get(l.entryId()))
                    .onSuccess(entry -> entry.ifPresent(this::openLore))
                    .describedAs("Quire could not reopen the lore entry")
                    .start();
        }
    }

    @Override
    public void importCard() {
        cards.importCard(open.story().id(), open.binder()::reload, this::openCharacter);
    }

    @Override
    public void importLore() {
        lorebooks.importLore(open.story().id(), open.binder()::reload);
    }

    @Override
    public void exportLore() {
        lorebooks.exportLore(open.story().id(), open.bible().titleProperty().get());
    }

    @Override
    public void exportCard(CharacterSheet sheet) {
        cards.exportCard(sheet);
    }

    @Override
    public void summariseAll() {
        summaries.summariseAll();
    }

    @Override
    public void summariseScene(long sceneId) {
        summaries.summariseScene(sceneId);
    }

    @Override
    public void renameChapter(Chapter chapter) {
        shell.dialogs().textInput("Rename chapter", "Rename “" + chapter.label() + "”", "Title:", chapter.title())
                .filter(t -> !t.isBlank())
                .ifPresent(title -> open.binder().renameChapter(chapter.id(), title, chapter.part()));
    }

    @Override
    public void setChapterPart(Chapter chapter) {
        shell.dialogs().textInput("Part", "Which part is “" + chapter.label() + "” in? Leave empty for none.",
                        "Part:", chapter.part())
                .ifPresent(part -> open.binder().renameChapter(chapter.id(), chapter.title(), part));
    }

    @Override
    public void confirmDeleteChapter(Chapter chapter, Runnable delete) {
        if (shell.dialogs().confirm("Delete chapter", "Delete “" + chapter.label() + "”?",
                "Its scenes stay, in the chapter before it (or in no chapter, for the first).", "Delete chapter")) {
            delete.run();
        }
    }

    @Override
    public void confirmDelete(String what, Runnable delete, EditorKey tab) {
        if (shell.dialogs().confirm("Delete", "Delete " + what + "?", "This cannot be undone from the window.",
                "Delete")) {
            shell.tabs().discard(tab);
            delete.run();
        }
    }
}
