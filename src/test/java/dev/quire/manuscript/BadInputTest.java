package dev.quire.manuscript;

import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed manuscripts are refused with a message that names the file, says what is wrong and what
 * to do, and nothing is written to the library; a failed export leaves no file behind.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private Cli cli;
    private long stories;
    private long scenes;
    private long revisions;

    @BeforeEach
    void library() {
        cli = new Cli(dir);
        cli.open().close();
        stories = cli.count("story");
        scenes = cli.count("scene");
        revisions = cli.count("scene_revision");
    }

    private void nothingWritten() {
        assertEquals(stories, cli.count("story"), "no story was added");
        assertEquals(scenes, cli.count("scene"), "no scene was added");
        assertEquals(revisions, cli.count("scene_revision"), "no revision was added");
    }

    static Stream<Arguments> malformed() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] realDocx = Manuscripts.docx("One paragraph.", "Another.");
        return Stream.of(
                Arguments.of("empty.md", new byte[0], "is empty"),
                Arguments.of("blank.txt", "  \n\n\t\n".getBytes(StandardCharsets.UTF_8), "has no prose"),
                Arguments.of("outline.md", "# Title\n\n## One\n\n## Two\n".getBytes(StandardCharsets.UTF_8),
                        "has no prose to import (only headings)"),
                Arguments.of("junk.md", junk, "binary data, not text"),
                Arguments.of("picture.txt", png, "binary data, not text"),
                Arguments.of("latin1.txt", "Caf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1),
                        "is not UTF-8 text"),
                Arguments.of("latin1.txt", "Caf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1),
                        "--encoding windows-1252"),
                Arguments.of("draft.docx", "# Just Markdown\n\nText.\n".getBytes(StandardCharsets.UTF_8),
                        "is not a DOCX file"),
                Arguments.of("archive.docx", zip("notes/readme.txt", "hello"), "could not be read as a Word document"),
                Arguments.of("truncated.docx", Arrays.copyOf(realDocx, realDocx.length / 2),
                        "could not be read as a Word document"),
                Arguments.of("report.docx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "is a PDF"),
                Arguments.of("old.docx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                        (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0}, "Word 97-2003 document (.doc)"),
                Arguments.of("book.md", zip("mimetype", "application/epub+zip"), "is a zip package, not text"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed")
    void aMalformedManuscriptIsRefusedClearlyAndNothingIsWritten(String name, byte[] content, String expected)
            throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);

        Cli.Run run = cli.run("import", file.toString());

        assertEquals(1, run.code(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("quire: "), run.err());
        assertTrue(run.err().contains(file.toString()), "names the file: " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertTrue(run.err().strip().lines().count() == 1 && !run.err().contains("Exception"),
                "one line, no stack trace: " + run.err());
        nothingWritten();
    }

    @Test
    void aMissingFileOrAFolderIsRefused() throws Exception {
        Cli.Run missing = cli.run("import", dir.resolve("nowhere.md").toString());
        Files.createDirectories(dir.resolve("folder.md"));
        Cli.Run folder = cli.run("import", dir.resolve("folder.md").toString());

        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("There is no file " + dir.resolve("nowhere.md")), missing.err());
        assertEquals(1, folder.code());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        nothingWritten();
    }

    @Test
    void anUnknownExtensionOrFormatIsAUsageError() throws Exception {
        Path pdf = dir.resolve("draft.pdf");
        Files.writeString(pdf, "text");

        Cli.Run byName = cli.run("import", pdf.toString());
        Cli.Run epub = cli.run("import", pdf.toString(), "--format", "epub");
        Cli.Run encoding = cli.run("import", pdf.toString(), "--format", "txt", "--encoding", "klingon-8");
        Cli.Run blankTitle = cli.run("import", pdf.toString(), "--format", "txt", "--title", "  ");

        assertEquals(2, byName.code());
        assertTrue(byName.err().contains("--format md"), byName.err());
        assertEquals(2, epub.code());
        assertTrue(epub.err().contains("md, txt or docx"), epub.err());
        assertEquals(2, encoding.code());
        assertTrue(encoding.err().contains("klingon-8"), encoding.err());
        assertEquals(2, blankTitle.code());
        nothingWritten();
    }

    @Test
    void anExportToAFolderThatCannotBeWrittenFailsClearlyAndLeavesNoFile() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "I am a file");

        Cli.Run underFile = cli.run("export", "--story", "The Remarks Column", "--out",
                notAFolder.resolve("story.epub").toString());
        Cli.Run missing = cli.run("export", "--story", "The Remarks Column", "--out",
                dir.resolve("no-such-folder/story.md").toString());
        Cli.Run folder = cli.run("export", "--story", "The Remarks Column", "--format", "md", "--out", dir.toString());

        assertEquals(1, underFile.code(), underFile.toString());
        assertTrue(underFile.err().contains("is not a folder"), underFile.err());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("does not exist. Create it, or choose another place"), missing.err());
        assertEquals(1, folder.code(), folder.toString());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        assertEquals("I am a file", Files.readString(notAFolder));
        assertTrue(!Files.exists(dir.resolve("no-such-folder")));
    }

    @Test
    void anExportOfAStoryThatIsNotThereIsAUsageErrorAndTouchesNoFile() throws Exception {
        Path out = dir.resolve("keep.md");
        Files.writeString(out, "the writer's earlier export");

        Cli.Run run = cli.run("export", "--story", "No Such Story", "--out", out.toString());
        Cli.Run format = cli.run("export", "--story", "The Remarks Column", "--out", dir.resolve("x.rtf").toString());

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("There is no story “No Such Story”"), run.err());
        assertEquals("the writer's earlier export", Files.readString(out));
        assertEquals(2, format.code(), format.toString());
        assertTrue(format.err().contains("--format md, txt, docx, epub or pdf"), format.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
        }
    }

    @Test
    void anExportReplacesAnEarlierFileWhole() throws Exception {
        Path out = dir.resolve("remarks.md");
        Files.writeString(out, "x".repeat(100_000));

        Cli.Run run = cli.run("export", "--story", "The Remarks Column", "--out", out.toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(Files.readString(out).startsWith("# The Remarks Column\n\n## "), "nothing of the old file is left");
        try (Studio studio = cli.open()) {
            assertEquals(1, studio.stories().list().size());
        }
    }

    private static byte[] zip(String name, String content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
