package dev.quire.ui.shell;

import dev.quire.studio.manuscript.Format;
import dev.quire.studio.manuscript.ManuscriptReader;
import dev.quire.ui.common.Dialogs.FileType;
import dev.quire.ui.library.ImportPreviewDialog;
import dev.quire.ui.library.ImportPreviewViewModel;

import java.nio.file.Path;
import java.util.List;

/** Library → Import…: read a draft, preview and adjust its split, then import it as a new story. */
final class ManuscriptImportFlow {

    static final List<FileType> MANUSCRIPTS = List.of(new FileType("Manuscripts (Markdown, text, Word)", "*.md",
            "*.markdown", "*.txt", "*.text", "*.docx"), FileType.ALL);

    private final Shell shell;

    ManuscriptImportFlow(Shell shell) {
        this.shell = shell;
    }

    void run() {
        shell.dialogs().chooseFileToOpen("Import a manuscript", MANUSCRIPTS).ifPresent(this::preview);
    }

    private void preview(Path path) {
        MainViewModel model = shell.model();
        model.background().read(() -> ManuscriptReader.read(path))
                .onSuccess(manuscript -> {
                    boolean word = Format.ofFileName(path).filter(f -> f == Format.DOCX).isPresent();
                    ImportPreviewViewModel vm = new ImportPreviewViewModel(model.studio(), model.background(),
                            manuscript, word ? options -> ManuscriptReader.read(path, Format.DOCX, null, options)
                            : null);
                    if (new ImportPreviewDialog(vm, shell.window().get(), path.getFileName().toString())
                            .showAndWait()) {
                        vm.commit(id -> {
                            shell.notice("Imported “" + vm.titleProperty().get() + "”: "
                                    + vm.summaryProperty().get() + ".");
                            model.library().reload();
                            model.open(id);
                        });
                    }
                })
                .onError(e -> shell.dialogs().error("Quire cannot import this file", e.getMessage(), e))
                .start();
    }
}
