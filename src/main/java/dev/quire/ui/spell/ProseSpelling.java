package dev.quire.ui.spell;

import dev.quire.spell.SpellChecks;
import dev.quire.spell.SpellFinding;
import dev.quire.ui.prose.ProseArea;
import dev.quire.ui.prose.ProseStyle;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.WindowEvent;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spell check over an editable prose area (the scene, the composition): after a pause in typing the paragraphs
 * that changed are checked off the FX thread, and misspellings get a wavy underline on a layer above the text.
 * Underlines move with the text as the writer types; the ones an edit touched go until the next check. The area's
 * context menu gains the suggestions, "Add to story dictionary" and "Ignore".
 */
public final class ProseSpelling {

    /** How long typing must pause before the changed paragraphs are checked. */
    static final javafx.util.Duration PAUSE = javafx.util.Duration.millis(500);

    private final ProseArea area;
    private final SpellWatch watch;
    private final SpellChecks checks = new SpellChecks();
    private final Pane layer = new Pane();
    private final PauseTransition pause = new PauseTransition(PAUSE);
    private final InvalidationListener recheck = o -> {
        checks.forget();
        check();
    };
    private final List<MenuItem> added = new ArrayList<>();
    private List<SpellFinding> findings = List.of();
    private final dev.quire.ui.prose.AfterLayout redraw;
    private int menuAt = -1;

    private ProseSpelling(ProseArea area, SpellWatch watch) {
        this.area = area;
        this.redraw = new dev.quire.ui.prose.AfterLayout(area, layer, this::draw);
        this.watch = watch;
    }

    /** Watches the area, whose scroll pane is in {@code body}: the underline layer goes above it there. */
    public static ProseSpelling attach(ProseArea area, StackPane body, SpellWatch watch) {
        ProseSpelling s = new ProseSpelling(area, watch);
        s.layer.getStyleClass().add("spell-layer");
        s.layer.setMouseTransparent(true);
        s.layer.setManaged(false);
        body.getChildren().add(s.layer);
        s.pause.setOnFinished(e -> s.check());
        area.plainTextChanges().subscribe(change -> {
            s.checks.ask();
            s.show(SpellFinding.afterEdit(s.findings, change.getPosition(), change.getRemoved().length(),
                    change.getInserted().length()));
            s.pause.playFromStart();
        });
        area.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                watch.refreshKnown(); // a sheet in another tab may have named someone new
            }
        });
        area.estimatedScrollYProperty().addListener(o -> s.drawSoon());
        area.widthProperty().addListener(o -> s.drawSoon());
        area.heightProperty().addListener(o -> s.drawSoon());
        watch.revisionProperty().addListener(new WeakInvalidationListener(s.recheck));
        watch.shownProperty().addListener(new WeakInvalidationListener(s.recheck));
        area.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> s.menuAt = e.isKeyboardTrigger() ? -1
                : area.hit(e.getX(), e.getY()).getInsertionIndex());
        s.check();
        return s;
    }

    /** Puts the answers to the misspelling under the pointer at the top of the area's context menu as it opens. */
    public void decorate(ContextMenu menu) {
        menu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            menu.getItems().removeAll(added);
            added.clear();
            int at = menuAt >= 0 ? menuAt : area.getCaretPosition();
            menuAt = -1;
            at(at).ifPresent(f -> {
                added.addAll(actions(f));
                added.add(new SeparatorMenuItem());
                menu.getItems().addAll(0, added);
            });
        });
    }

    /** Checks the text now (the pause in typing is over). */
    public void check() {
        pause.stop();
        if (!watch.shownProperty().get()) {
            checks.ask();
            show(List.of());
            return;
        }
        String text = area.getText();
        watch.check(checks, text, result -> {
            if (checks.isCurrent(result, area.getText())) {
                show(result.findings());
            }
        });
    }

    /** The misspellings underlined now. */
    public List<SpellFinding> findings() {
        return findings;
    }

    /** The underlines drawn now, one per line a misspelling covers. */
    public Pane layer() {
        return layer;
    }

    /** The misspelling at this offset, if there is one. */
    public Optional<SpellFinding> at(int offset) {
        return findings.stream().filter(f -> f.start() <= offset && offset <= f.end()).findFirst();
    }

    /** What the writer can do about this misspelling: take a suggestion, add the word, ignore it. */
    public List<MenuItem> actions(SpellFinding f) {
        return watch.actions(f, suggestion -> replace(f, suggestion));
    }

    /** Puts the suggestion in place of the misspelling, as the writer's own edit (one step to undo). */
    private void replace(SpellFinding f, String suggestion) {
        if (f.end() > area.getLength() || !area.getText(f.start(), f.end()).equals(f.text())) {
            return; // the text moved on since the menu opened
        }
        ProseStyle style = area.getStyleAtPosition(f.start() + 1).byWriter();
        area.getUndoManager().preventMerge();
        area.replace(f.start(), f.end(), ReadOnlyStyledDocument.fromString(suggestion, "", style, area.getSegOps()));
        area.getUndoManager().preventMerge();
    }

    private void show(List<SpellFinding> now) {
        findings = List.copyOf(now);
        drawSoon();
    }

    private void drawSoon() {
        redraw.ask();
    }

    private void draw() {
        Squiggles.draw(layer, findings, area.getLength(), area::visibleBoundsOnScreen);
    }
}
