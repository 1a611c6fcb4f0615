package dev.quire.ui.shell;

import dev.quire.model.CharacterSheet;
import dev.quire.model.PlayedBy;
import dev.quire.studio.lorebooks.LorebookFormat;
import dev.quire.studio.lorebooks.Lorebooks;
import dev.quire.ui.common.Dialogs.FileType;
import dev.quire.ui.sheets.LorebookPreviewDialog;
import dev.quire.ui.sheets.LorebookPreviewViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Lorebooks in and out, from the binder's + menu: SillyTavern World Info and NovelAI lorebooks. */
final class LoreFlow {

    static final List<FileType> LOREBOOKS = List.of(new FileType("Lorebooks (SillyTavern World Info, NovelAI)",
            "*.json", "*.lorebook"), FileType.ALL);
    static final List<FileType> LOREBOOK_OUT = List.of(new FileType("SillyTavern World Info", "*.json"),
            new FileType("NovelAI lorebook", "*.lorebook"));

    private record Read(Lorebooks.Book book, List<CharacterSheet> cast, List<dev.quire.model.LoreEntry> lore) {
    }

    private final Shell shell;

    LoreFlow(Shell shell) {
        this.shell = shell;
    }

    /** Reads a lorebook, previews it with the names its macros take, and adds its entries when the writer agrees. */
    void importLore(long storyId, Runnable reloadBinder) {
        Path file = shell.dialogs().chooseFileToOpen("Import a lorebook", LOREBOOKS).orElse(null);
        if (file == null) {
            return;
        }
        MainViewModel model = shell.model();
        model.background().read(() -> new Read(Lorebooks.read(file), model.studio().characters().list(storyId),
                        model.studio().lore().list(storyId)))
                .onSuccess(read -> {
                    List<String> names = read.cast().stream().map(CharacterSheet::name).toList();
                    String writers = read.cast().stream().filter(c -> c.playedBy() == PlayedBy.WRITER)
                            .map(CharacterSheet::name).findFirst().orElse(null);
                    LorebookPreviewViewModel vm = new LorebookPreviewViewModel(model.studio(), model.background(),
                            read.book(), storyId, names, writers, read.lore());
                    if (new LorebookPreviewDialog(vm, shell.window().get(), file.getFileName().toString())
                            .showAndWait()) {
                        vm.commit(added -> {
                            reloadBinder.run();
                            shell.notice("Added " + added.size() + " lore " + (added.size() == 1 ? "entry" : "entries")
                                    + " from " + file.getFileName() + ".");
                        });
                    }
                })
                .onError(e -> shell.dialogs().error("Quire cannot import this lorebook", e.getMessage(), e))
                .start();
    }

    /** Writes the story's lore as SillyTavern World Info or a NovelAI lorebook, whichever the file's name says. */
    void exportLore(long storyId, String title) {
        shell.flushAll();
        Path file = shell.dialogs().chooseFileToSave("Export the lore as a lorebook",
                title.replaceAll("[\\\\/:*?\"<>|]", "") + " lore.json", LOREBOOK_OUT).orElse(null);
        if (file == null) {
            return;
        }
        LorebookFormat format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".lorebook")
                ? LorebookFormat.NOVELAI : LorebookFormat.SILLYTAVERN;
        MainViewModel model = shell.model();
        model.background().read(() -> Lorebooks.exportTo(model.studio(), storyId, format, file))
                .onSuccess(path -> shell.notice("Exported the lore as " + format.label() + " to " + path + "."))
                .onError(e -> shell.dialogs().error("Quire could not export the lore", e.getMessage(), e))
                .start();
    }
}
