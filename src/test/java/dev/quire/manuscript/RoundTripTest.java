package dev.quire.manuscript;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.quire.manuscript.Manuscripts.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** import → export → import gives the same title, scenes, paragraphs, italics and bold. */
class RoundTripTest {

    @TempDir
    Path dir;

    private long importFile(Cli cli, Path file) {
        Cli.Run run = cli.run("import", file.toString(), "--json");
        assertEquals(0, run.code(), run.toString());
        return run.json().get("id").asLong();
    }

    private Path export(Cli cli, long storyId, String format) {
        Path out = dir.resolve("out-" + storyId + "." + format);
        Cli.Run run = cli.run("export", "--story", String.valueOf(storyId), "--format", format, "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Exported"), run.out());
        return out;
    }

    private static String title(Cli cli, long storyId) {
        try (Studio studio = cli.open()) {
            return studio.stories().get(storyId).orElseThrow().title();
        }
    }

    private static List<String> scenes(Cli cli, long storyId) {
        try (Studio studio = cli.open()) {
            return describe(studio, storyId);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "txt", "docx"})
    void anImportedManuscriptExportsAndImportsBackTheSame(String format) throws Exception {
        Path source = dir.resolve("lighthouse.md");
        Files.writeString(source, Manuscripts.LIGHTHOUSE);
        Cli cli = new Cli(dir);
        long first = importFile(cli, source);

        long second = importFile(cli, export(cli, first, format));

        assertEquals(title(cli, first), title(cli, second));
        assertEquals(scenes(cli, first), scenes(cli, second));
        assertEquals(4, scenes(cli, second).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "txt", "docx"})
    void theSampleStoryExportsAndImportsBackTheSame(String format) {
        Cli cli = new Cli(dir);
        long sample;
        try (Studio studio = cli.open()) {
            sample = studio.stories().list().get(0).id();
        }

        long back = importFile(cli, export(cli, sample, format));

        assertEquals("The Remarks Column", title(cli, back));
        assertEquals(scenes(cli, sample), scenes(cli, back));
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "txt", "docx"})
    void awkwardTextSurvivesTheRoundTrip(String format) {
        Cli cli = new Cli(dir);
        long id;
        try (Studio studio = cli.open()) {
            id = studio.stories().create(Story.titled("Stars & <Bars>: a *test*")).id();
            studio.scenes().append(Scene.titled(id, "Chapter #1 — _the_ start").withProse(new Prose.Builder()
                    .append("# not a heading, 5 * 3 = 15, snake_case, \\backslash, [brackets](x), <b>tags</b> & ")
                    .append("emphasis", Provenance.WRITER, true, false)
                    .append(" then ")
                    .append("bold italic", Provenance.WRITER, true, true)
                    .append("\n")
                    .append("- a list? no.")
                    .append("\n")
                    .append("***")
                    .append("\n")
                    .append("un")
                    .append("believ", Provenance.WRITER, true, false)
                    .append("able ")
                    .append("loud", Provenance.WRITER, false, true)
                    .append(" end.")
                    .build()));
            studio.scenes().append(Scene.titled(id, "").withProse(Prose.plain("1. Untitled second scene.")));
        }
        String first = "[Chapter #1 — _the_ start] # not a heading, 5 * 3 = 15, snake_case, \\backslash,"
                + " [brackets](x), <b>tags</b> & _emphasis_ then _**bold italic**_ ¶ - a list? no.";
        String last = "un_believ_able **loud** end.";
        List<String> expected = format.equals("md")
                // Markdown escapes a paragraph that is only ***
                ? List.of(first + " ¶ *** ¶ " + last, "[] 1. Untitled second scene.")
                // plain text and Word have no escape: a paragraph that is only *** is a scene break there
                : List.of(first, "[] " + last, "[] 1. Untitled second scene.");
        assertEquals(List.of(first + " ¶ *** ¶ " + last, "[] 1. Untitled second scene."), scenes(cli, id));

        long back = importFile(cli, export(cli, id, format));

        assertEquals(title(cli, id), title(cli, back));
        assertEquals(expected, scenes(cli, back));
    }
}
