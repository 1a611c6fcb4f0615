package dev.quire.ui.shell;

import dev.quire.model.StorySummary;
import dev.quire.studio.StoryPackage;
import dev.quire.ui.common.Dialogs.FileType;

import java.nio.file.Path;
import java.util.List;

/** Library › Story package: a whole story out to one .quire file, and in from one as a new story. */
final class StoryPackageFlow {

    static final List<FileType> PACKAGES = List.of(new FileType("Quire story packages", "*.quire"), FileType.ALL);

    private final Shell shell;

    StoryPackageFlow(Shell shell) {
        this.shell = shell;
    }

    void importPackage() {
        Path file = shell.dialogs().chooseFileToOpen("Import a story package", PACKAGES).orElse(null);
        if (file == null) {
            return;
        }
        MainViewModel model = shell.model();
        model.background().write(() -> StoryPackage.importStory(model.studio(), file))
                .onSuccess(r -> {
                    model.library().reload();
                    shell.notice("Imported “" + r.title() + "” from " + file.getFileName() + ".");
                })
                .onError(e -> shell.dialogs().error("Quire cannot import this story package", e.getMessage(), e))
                .start();
    }

    /**
     * A package the writer opened from outside (a double-click on a .quire file): what it holds is read and checked,
     * the writer says whether to import it as a new story, and the story opens.
     */
    void openFile(Path file) {
        MainViewModel model = shell.model();
        model.background().read(() -> StoryPackage.read(file))
                .onSuccess(contents -> {
                    int scenes = contents.rows().getOrDefault("scene", 0);
                    int characters = contents.rows().getOrDefault("character", 0);
                    if (!shell.dialogs().confirm("Open a story package",
                            "Import “" + contents.title() + "” as a new story?",
                            file.getFileName() + " holds " + count(scenes, "scene") + " and "
                                    + count(characters, "character") + ". It becomes a story of its own beside"
                                    + " the others; nothing in your library is changed.", "Import")) {
                        return;
                    }
                    model.background().write(() -> StoryPackage.importStory(model.studio(), file))
                            .onSuccess(r -> {
                                // opening it saves and closes what was open, as any change of story does
                                model.open(r.storyId());
                                shell.notice("Imported “" + r.title() + "” from " + file.getFileName() + ".");
                            })
                            .onError(e -> shell.dialogs().error("Quire cannot import this story package",
                                    e.getMessage(), e))
                            .start();
                })
                .onError(e -> shell.dialogs().error("Quire cannot open this story package", e.getMessage(), e))
                .start();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    void exportPackage(StorySummary story) {
        shell.flushAll();
        Path file = shell.dialogs().chooseFileToSave("Export “" + story.title() + "” as a story package",
                story.title().replaceAll("[\\\\/:*?\"<>|]", "") + "." + StoryPackage.EXTENSION, PACKAGES.subList(0, 1))
                .orElse(null);
        if (file == null) {
            return;
        }
        MainViewModel model = shell.model();
        model.background().read(() -> StoryPackage.export(model.studio(), story.id(), file))
                .onSuccess(r -> shell.notice("Exported “" + r.title() + "” as a story package to " + r.file() + "."))
                .onError(e -> shell.dialogs().error("Quire could not export the story package", e.getMessage(), e))
                .start();
    }
}
