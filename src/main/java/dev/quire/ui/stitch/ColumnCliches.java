package dev.quire.ui.stitch;

import dev.quire.cliche.Finding;
import dev.quire.model.Variant;
import dev.quire.ui.cliche.ClicheMarks;
import dev.quire.ui.cliche.ClicheWatch;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import java.time.Duration;
import org.fxmisc.richtext.event.MouseOverTextEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cliché watch on one variant column: once the column has ended, its text is scanned off the FX thread; the
 * findings are underlined and counted in its header, a hover says why, and the text's context menu answers one:
 * allow it here, allow it in the story, or add it to the avoid list.
 */
final class ColumnCliches {

    private final VariantColumnView view;
    private final ClicheWatch watch;
    private final ContextMenu menu = new ContextMenu();
    private final Tooltip why = new Tooltip();

    {
        why.setWrapText(true);
        why.setMaxWidth(420);
    }
    // "allow here": these occurrences in this column, by where they start and what they say
    private final Set<String> allowedHere = new HashSet<>();
    private final InvalidationListener rescan = o -> scan();
    private int asked;
    private int menuAt = -1;

    private ColumnCliches(VariantColumnView view, ClicheWatch watch) {
        this.view = view;
        this.watch = watch;
    }

    static ColumnCliches attach(VariantColumnView view, ClicheWatch watch) {
        ColumnCliches c = new ColumnCliches(view, watch);
        view.getProperties().put(ColumnCliches.class, c);
        view.column().statusProperty().addListener((o, was, now) -> {
            if (was == Variant.Status.STREAMING && now != Variant.Status.STREAMING) {
                watch.generationEnded();
            }
        });
        view.column().statusProperty().addListener(c.rescan);
        watch.revisionProperty().addListener(new WeakInvalidationListener(c.rescan));
        watch.shownProperty().addListener(new WeakInvalidationListener(c.rescan));
        var area = view.area();
        area.setContextMenu(c.menu);
        area.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> c.menuAt = e.isKeyboardTrigger() ? -1
                : area.hit(e.getX(), e.getY()).getInsertionIndex());
        c.menu.setOnShowing(e -> c.fillMenu());
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> c.findingAt(e.getCharacterIndex(),
                e.getCharacterIndex()).ifPresent(f -> {
                    c.why.setText("“" + f.text() + "”: " + ClicheWatch.why(f));
                    c.why.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 16);
                }));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> c.why.hide());
        c.scan();
        return c;
    }

    static Optional<ColumnCliches> of(VariantColumnView view) {
        return Optional.ofNullable((ColumnCliches) view.getProperties().get(ColumnCliches.class));
    }

    private void scan() {
        int ask = ++asked;
        if (view.column().statusProperty().get() == Variant.Status.STREAMING) {
            view.showFindings(List.of());
            return;
        }
        String text = view.column().text();
        watch.scan(text, found -> {
            // a later scan, or a column that started over, wins
            if (ask == asked && text.equals(view.column().text())) {
                view.showFindings(found.stream().filter(f -> !allowedHere.contains(key(f))).toList());
            }
        });
    }

    Optional<Finding> findingAt(int start, int end) {
        return ClicheMarks.at(view.findings(), start, end);
    }

    private void fillMenu() {
        var area = view.area();
        var sel = area.getSelection();
        int at = menuAt >= 0 ? menuAt : area.getCaretPosition();
        Optional<Finding> f = menuAt < 0 && sel.getLength() > 0 ? findingAt(sel.getStart(), sel.getEnd())
                : findingAt(at, at);
        menu.getItems().setAll(f.map(this::actions).orElse(List.of()));
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No cliché here");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    /** What the writer can do about this finding. */
    List<MenuItem> actions(Finding f) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem head = new MenuItem("“" + f.text() + "”: " + ClicheWatch.why(f));
        head.setDisable(true);
        items.add(head);
        items.add(new SeparatorMenuItem());
        MenuItem here = new MenuItem("Allow here");
        here.setOnAction(e -> {
            allowedHere.add(key(f));
            view.showFindings(view.findings().stream().filter(x -> !key(x).equals(key(f))).toList());
        });
        MenuItem story = new MenuItem("Allow in this story");
        story.setOnAction(e -> watch.allowInStory(f));
        MenuItem avoid = new MenuItem("Add to avoid list");
        avoid.setOnAction(e -> watch.addToAvoidList(f));
        items.addAll(List.of(here, story, avoid));
        return items;
    }

    private static String key(Finding f) {
        return f.start() + ":" + f.text();
    }
}
