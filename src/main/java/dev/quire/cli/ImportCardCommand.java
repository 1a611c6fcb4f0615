package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.studio.cards.CardException;
import dev.quire.studio.cards.CharacterCards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-card", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Add the character of a SillyTavern/TavernAI character card (V2 or V3) to a story, with its "
                        + "character book as lore entries, and print the new character's id.",
                "",
                "FILE is a PNG with the card in it, the card's JSON, or a CHARX archive. A card that is damaged "
                        + "or malformed is refused with what is wrong, and nothing is added."},
        footerHeading = "%n",
        footer = {"Exit codes:",
                "  0  imported",
                "  1  the file is not a card Quire can read, or another failure (nothing was added)",
                "  2  bad options, or no such story",
                "  3  the library cannot be used"})
final class ImportCardCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The card: .png, .json or .charx.")
    Path file;

    @Option(names = "--story", required = true, paramLabel = "TITLE|ID", description = "The story, by title or id.")
    String story;

    @Option(names = "--json", description = "Print {\"id\", \"name\", \"lore\", \"story\", \"spec\", \"warnings\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CharacterCards.Imported imported;
        StorySummary chosen;
        try (Studio studio = library.orElse(parent.library).open()) {
            chosen = StoryArgument.resolve(studio, story, spec.commandLine());
            imported = new CharacterCards(studio).importCard(file, chosen.id());
        } catch (CardException e) {
            err.println("quire: " + e.getMessage());
            return 1;
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode()
                    .put("id", imported.character().id())
                    .put("name", imported.character().name())
                    .put("lore", imported.lore().size())
                    .put("story", chosen.id())
                    .put("spec", imported.spec().label());
            imported.warnings().forEach(node.putArray("warnings")::add);
            out.println(mapper.writeValueAsString(node));
        } else {
            int lore = imported.lore().size();
            out.printf("%d  %s  (%d lore entr%s, into “%s”)%n", imported.character().id(),
                    imported.character().name(), lore, lore == 1 ? "y" : "ies", chosen.title());
        }
        imported.warnings().forEach(w -> err.println("quire: note: " + w));
        return 0;
    }
}
