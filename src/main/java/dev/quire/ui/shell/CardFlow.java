package dev.quire.ui.shell;

import dev.quire.model.CharacterSheet;
import dev.quire.studio.cards.CardFormat;
import dev.quire.studio.cards.CharacterCards;
import dev.quire.ui.common.Dialogs.FileType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Character cards in and out: from the binder's + menu and a character's context menu. */
final class CardFlow {

    static final List<FileType> CARDS = List.of(new FileType("Character cards (PNG, JSON, CHARX)", "*.png", "*.json",
            "*.charx"), FileType.ALL);
    static final List<FileType> CARD_OUT = List.of(new FileType("PNG card (SillyTavern, TavernAI)", "*.png"),
            new FileType("JSON card", "*.json"));

    private final Shell shell;

    CardFlow(Shell shell) {
        this.shell = shell;
    }

    /** Imports a card into the story; {@code imported} opens the new sheet once it is in the library. */
    void importCard(long storyId, Runnable reloadBinder, Consumer<CharacterSheet> imported) {
        Path file = shell.dialogs().chooseFileToOpen("Import a character card", CARDS).orElse(null);
        if (file == null) {
            return;
        }
        MainViewModel model = shell.model();
        model.background().write(() -> new CharacterCards(model.studio()).importCard(file, storyId))
                .onSuccess(done -> {
                    reloadBinder.run();
                    int lore = done.lore().size();
                    shell.notice("Imported " + done.character().name() + " with " + lore + " lore "
                            + (lore == 1 ? "entry" : "entries")
                            + (done.warnings().isEmpty() ? "." : ". " + String.join(" ", done.warnings())));
                    imported.accept(done.character());
                })
                .onError(e -> shell.dialogs().error("Quire cannot import this card", e.getMessage(), e))
                .start();
    }

    /** Writes a sheet as a PNG or JSON card, whichever the chosen file's name says. */
    void exportCard(CharacterSheet sheet) {
        shell.flushAll();
        Path file = shell.dialogs().chooseFileToSave("Export " + sheet.name() + " as a character card",
                dev.quire.studio.FileNames.suggested(sheet.name(), "png"), CARD_OUT).orElse(null);
        if (file == null) {
            return;
        }
        CardFormat format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? CardFormat.JSON : CardFormat.PNG;
        MainViewModel model = shell.model();
        model.background().read(() -> {
            CharacterCards cards = new CharacterCards(model.studio());
            return cards.exportTo(sheet.id(), cards.defaultSpec(sheet.id()), format, file);
        }).onSuccess(path -> shell.notice("Exported " + sheet.name() + "'s card to " + path + "."))
                .onError(e -> shell.dialogs().error("Quire could not export the card", e.getMessage(), e))
                .start();
    }
}
