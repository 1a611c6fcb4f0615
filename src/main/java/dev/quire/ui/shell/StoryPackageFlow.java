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
