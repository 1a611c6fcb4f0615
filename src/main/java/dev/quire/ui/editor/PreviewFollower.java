package dev.quire.ui.editor;

import dev.quire.studio.Generator.Mode;
import dev.quire.ui.prompt.PromptPreviewViewModel;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.stitch.GeneratePanel;
import dev.quire.ui.stitch.StitchViewModel;
import dev.quire.studio.Column;
import dev.quire.ui.stitch.MixOptions;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps the scene's context meter and Prompt Preview on what Generate would send: the generate panel's frame,
 * instruction, provider and model, and the cursor or selection a continuation or rewrite sends part of the scene
 * from. Counted again once the writer pauses.
 */
final class PreviewFollower {

    private PreviewFollower() {
    }

    static void follow(PromptPreviewViewModel vm, StitchViewModel stitch, GeneratePanel panel, ProseArea area) {
        panel.showMeter(vm);
        PauseTransition settle = new PauseTransition(Duration.millis(300));
        settle.setOnFinished(e -> {
            try {
                mixed(vm, stitch.options().mix());
                vm.refresh();
            } catch (RejectedExecutionException closed) {
                // the library closed while the timer waited: there is nothing left to preview
            }
        });
        stitch.options().instructionProperty().addListener((o, was, now) -> {
            vm.instructionProperty().set(now);
            settle.playFromStart();
        });
        stitch.options().frameProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.frameProperty().set(now.key());
                settle.playFromStart();
            }
        });
        // counted for the provider and model Generate will ask, so the meter shows the figure it records
        vm.providerProperty().bind(stitch.options().providerProperty());
        vm.modelProperty().bind(stitch.options().modelProperty());
        vm.providerProperty().addListener((o, was, now) -> settle.playFromStart());
        vm.modelProperty().addListener((o, was, now) -> settle.playFromStart());
        // with the Mix on, each column is fitted to its own model: the Preview lists each column's fit
        MixOptions mix = stitch.options().mix();
        mix.onProperty().addListener((o, was, now) -> settle.playFromStart());
        mix.rows().forEach(r -> watch(r, settle));
        mix.rows().addListener((ListChangeListener<MixOptions.Row>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> watch(r, settle));
            }
            settle.playFromStart();
        });
        mixed(vm, mix);
        // continue and rewrite send part of the scene: the meter follows the cursor or the selection
        Runnable placement = () -> {
            Mode m = stitch.modeProperty().get();
            var sel = area.getSelection();
            if (m == Mode.CONTINUE) {
                vm.placement(m, area.getCaretPosition(), area.getCaretPosition());
            } else if (m == Mode.REWRITE && sel.getLength() > 0) {
                vm.placement(m, sel.getStart(), sel.getEnd());
            } else {
                vm.placement(Mode.SCENE, 0, 0);
            }
            settle.playFromStart();
        };
        stitch.modeProperty().addListener((o, was, now) -> placement.run());
        area.caretPositionProperty().addListener((o, was, now) -> {
            if (stitch.modeProperty().get() != Mode.SCENE) {
                placement.run();
            }
        });
    }

    private static void watch(MixOptions.Row row, PauseTransition settle) {
        row.providerProperty().addListener((o, was, now) -> settle.playFromStart());
        row.modelProperty().addListener((o, was, now) -> settle.playFromStart());
        row.instructionProperty().addListener((o, was, now) -> settle.playFromStart());
        row.textProperty().addListener((o, was, now) -> settle.playFromStart());
    }

    private static void mixed(PromptPreviewViewModel vm, MixOptions mix) {
        List<Column> columns = List.of();
        if (mix.onProperty().get()) {
            try {
                columns = mix.columns();
            } catch (IllegalArgumentException unfinished) {
                // a row being filled in (a temperature out of range): the panel says so; no fits until it is fixed
            }
        }
        if (!vm.columns().equals(columns)) {
            vm.columns().setAll(columns);
        }
    }
}
