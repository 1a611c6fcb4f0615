package dev.quire.cli;

import dev.quire.model.CharacterSheet;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.cards.CardException;
import dev.quire.studio.cards.CardFormat;
import dev.quire.studio.cards.CardSpec;
import dev.quire.studio.cards.CharacterCards;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export-card", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write a character as a SillyTavern/TavernAI character card (V2 or V3), as PNG or JSON.",
                "",
                "A character imported from a card gives that card back with the sheet's changes merged in: its "
                        + "greetings, tags, extensions and every field Quire does not use come back as they were. "
                        + "The file is replaced whole or not at all."},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  written",
                "  1  the card could not be written (the file is unchanged)",
                "  2  bad options, or no such story or character",
                "  3  the library cannot be used"})
final class ExportCardCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--character", required = true, paramLabel = "NAME|ID",
            description = "The character, by name or id.")
    String character;

    @Option(names = "--format", paramLabel = "png|json",
            description = "Default: from the extension of --out.")
    String format;

    @Option(names = "--spec", paramLabel = "v2|v3",
            description = "Default: the spec the card was imported as, else v2 (which every tool reads).")
    String cardSpec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The card file to write.")
    Path out;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        CardFormat chosenFormat = format(cmd);
        CardSpec chosenSpec = cardSpec == null ? null : CardSpec.parse(cardSpec).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "--spec is v2 or v3, not “" + cardSpec + "”."));
        try (Studio studio = library.orElse(parent.library).open()) {
            StorySummary chosen = StoryArgument.resolve(studio, story, cmd);
            CharacterSheet sheet = resolveCharacter(studio, chosen, cmd);
            CharacterCards cards = new CharacterCards(studio);
            CardSpec used = chosenSpec != null ? chosenSpec : cards.defaultSpec(sheet.id());
            Path written = cards.exportTo(sheet.id(), used, chosenFormat, out);
            cmd.getOut().printf("%s  (%s %s card of %s, %,d bytes)%n", written, used.label(),
                    chosenFormat.extension().toUpperCase(Locale.ROOT), sheet.name(), Files.size(written));
            return 0;
        } catch (CardException e) {
            cmd.getErr().println("quire: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            cmd.getErr().println("quire: the card was written to " + out + ", but its size cannot be read: "
                    + e.getMessage());
            return 1;
        }
    }

    private CardFormat format(CommandLine cmd) {
        if (format != null) {
            return CardFormat.parse(format).filter(CardFormat::writable).orElseThrow(() ->
                    new CommandLine.ParameterException(cmd, "--format is png or json, not “" + format + "”."));
        }
        return CardFormat.ofFileName(out).filter(CardFormat::writable).orElseThrow(() ->
                new CommandLine.ParameterException(cmd, "Say --format png or --format json: the name " + out
                        + " does not end in .png or .json."));
    }

    private CharacterSheet resolveCharacter(Studio studio, StorySummary chosen, CommandLine cmd) {
        String wanted = character.strip();
        List<CharacterSheet> all = studio.characters().list(chosen.id());
        if (wanted.matches("\\d{1,18}")) {
            for (CharacterSheet c : all) {
                if (c.id() == Long.parseLong(wanted)) {
                    return c;
                }
            }
        }
        List<CharacterSheet> exact = new ArrayList<>();
        List<CharacterSheet> loose = new ArrayList<>();
        for (CharacterSheet c : all) {
            if (c.name().strip().equals(wanted)) {
                exact.add(c);
            } else if (c.name().strip().equalsIgnoreCase(wanted)) {
                loose.add(c);
            }
        }
        List<CharacterSheet> found = exact.isEmpty() ? loose : exact;
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            List<String> names = new ArrayList<>();
            all.forEach(c -> names.add(c.name()));
            throw new CommandLine.ParameterException(cmd, "“" + chosen.title() + "” has no character “" + wanted + "”"
                    + (names.isEmpty() ? " (it has no characters yet)." : "; it has " + String.join(", ", names) + "."));
        }
        List<String> ids = new ArrayList<>();
        found.forEach(c -> ids.add(String.valueOf(c.id())));
        throw new CommandLine.ParameterException(cmd, found.size() + " characters are named “" + wanted + "” (ids "
                + String.join(", ", ids) + "): name the one you mean by its id.");
    }
}
