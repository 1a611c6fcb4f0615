package dev.quire.ui.cliche;

import dev.quire.cliche.Finding;
import dev.quire.ui.prose.ProseArea;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.stage.WindowEvent;
import org.fxmisc.richtext.event.MouseOverTextEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cliché watch over an editable prose area (the scene, the composition): its text is scanned off the FX thread
 * after a pause in typing, and the findings are underlined on a layer above the text, so the writer's text, its
 * styles and its undo history are left alone. A hover says why; the area's context menu gains the answers.
 */
public final class ProseCliches {

    /** How long typing must pause before the text is scanned again. */
    static final javafx.util.Duration PAUSE = javafx.util.Duration.millis(700);

    private final ProseArea area;
    private final ClicheWatch watch;
    private final Pane layer = new Pane();
    /** Says why a phrase is marked, on hover; made the first time it is wanted (a tooltip is a window of its own). */
    private Tooltip why;
    private final PauseTransition pause = new PauseTransition(PAUSE);
    private final Set<String> allowedHere = new HashSet<>();
    private final InvalidationListener rescan = o -> scan();
    private final List<MenuItem> added = new ArrayList<>();
    private List<Finding> findings = List.of();
    /** Drawn after the area's layout pass, never from inside its own scroll or change. */
    private final dev.quire.ui.prose.AfterLayout redraw;
    private Consumer<Finding> rewrite;
    private int asked;
    private int menuAt = -1;

    private ProseCliches(ProseArea area, ClicheWatch watch) {
        this.area = area;
        this.watch = watch;
        this.redraw = new dev.quire.ui.prose.AfterLayout(area, layer, this::draw);
    }

    /**
     * Watches the area, whose scroll pane is in {@code body}: the underline layer goes above it there.
     */
    public static ProseCliches attach(ProseArea area, StackPane body, ClicheWatch watch) {
        ProseCliches c = new ProseCliches(area, watch);
        c.layer.getStyleClass().add("cliche-layer");
        c.layer.setMouseTransparent(true);
        c.layer.setManaged(false);
        body.getChildren().add(c.layer);
        c.pause.setOnFinished(e -> c.scan());
        area.plainTextChanges().subscribe(change -> {
            // what was underlined has moved: the layer waits for the next scan
            c.show(List.of());
            c.pause.playFromStart();
        });
        area.estimatedScrollYProperty().addListener(o -> c.redraw.ask());
        area.widthProperty().addListener(o -> c.redraw.ask());
        area.heightProperty().addListener(o -> c.redraw.ask());
        watch.revisionProperty().addListener(new WeakInvalidationListener(c.rescan));
        watch.shownProperty().addListener(new WeakInvalidationListener(c.rescan));
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> c.at(e.getCharacterIndex(),
                e.getCharacterIndex()).ifPresent(f -> {
                    c.why().setText("“" + f.text() + "”: " + ClicheWatch.why(f));
                    c.why().show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 16);
                }));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> {
            if (c.why != null) {
                c.why.hide();
            }
        });
        area.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> c.menuAt = e.isKeyboardTrigger() ? -1
                : area.hit(e.getX(), e.getY()).getInsertionIndex());
        c.scan();
        return c;
    }

    private Tooltip why() {
        if (why == null) {
            why = new Tooltip();
            why.setWrapText(true);
            why.setMaxWidth(420);
        }
        return why;
    }

    /** Offers Rewrite without it too, which this does with the finding. */
    public ProseCliches onRewrite(Consumer<Finding> action) {
        this.rewrite = action;
        return this;
    }

    /** Puts the answers to the finding under the pointer at the top of the area's context menu when it opens. */
    public void decorate(ContextMenu menu) {
        menu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            menu.getItems().removeAll(added);
            added.clear();
            int at = menuAt >= 0 ? menuAt : area.getCaretPosition();
            menuAt = -1;
            at(at, at).ifPresent(f -> {
                added.addAll(actions(f));
                added.add(new SeparatorMenuItem());
                menu.getItems().addAll(0, added);
            });
        });
    }

    /** Scans the text now (the pause in typing is over). */
    public void scan() {
        pause.stop();
        int ask = ++asked;
        String text = area.getText();
        watch.scan(text, found -> {
            if (ask == asked && text.equals(area.getText())) {
                show(found.stream().filter(f -> !allowedHere.contains(key(f))).toList());
            }
        });
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The underlines drawn now, one per line a finding covers. */
    public Pane layer() {
        return layer;
    }

    public Optional<Finding> at(int start, int end) {
        return ClicheMarks.at(findings, start, end);
    }

    /** What the writer can do about this finding. */
    public List<MenuItem> actions(Finding f) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem head = new MenuItem("“" + f.text() + "”: " + ClicheWatch.why(f));
        head.setDisable(true);
        items.add(head);
        if (rewrite != null) {
            MenuItem rw = new MenuItem("Rewrite without it");
            rw.setOnAction(e -> rewrite.accept(f));
            items.add(rw);
        }
        MenuItem here = new MenuItem("Allow here");
        here.setOnAction(e -> {
            allowedHere.add(key(f));
            show(findings.stream().filter(x -> !key(x).equals(key(f))).toList());
        });
        MenuItem story = new MenuItem("Allow in this story");
        story.setOnAction(e -> watch.allowInStory(f));
        MenuItem avoid = new MenuItem("Add to avoid list");
        avoid.setOnAction(e -> watch.addToAvoidList(f));
        items.addAll(List.of(here, story, avoid));
        return items;
    }

    private void show(List<Finding> now) {
        findings = List.copyOf(now);
        redraw.ask();
    }

    /** One thin dotted rule under each visible line of each finding. */
    private void draw() {
        layer.getChildren().clear();
        if (findings.isEmpty() || layer.getParent() == null) {
            return;
        }
        layer.resizeRelocate(0, 0, ((javafx.scene.layout.Region) layer.getParent()).getWidth(),
                ((javafx.scene.layout.Region) layer.getParent()).getHeight());
        int length = area.getLength();
        for (Finding f : findings) {
            // one look-up tells whether any of it is on screen; only then is it measured a character at a time
            if (f.end() > length || area.visibleBoundsOnScreen(f.start(), f.end()).isEmpty()) {
                continue;
            }
            Bounds line = null;
            for (int i = f.start(); i < f.end(); i++) {
                Optional<Bounds> b = area.visibleBoundsOnScreen(i, i + 1);
                if (b.isEmpty()) {
                    continue;
                }
                Bounds c = b.get();
                if (line != null && Math.abs(c.getMaxY() - line.getMaxY()) < 2) {
                    line = new javafx.geometry.BoundingBox(line.getMinX(), line.getMinY(),
                            Math.max(line.getMaxX(), c.getMaxX()) - line.getMinX(), line.getHeight());
                } else {
                    rule(line);
                    line = c;
                }
            }
            rule(line);
        }
    }

    private void rule(Bounds onScreen) {
        if (onScreen == null || onScreen.getWidth() <= 0) {
            return;
        }
        Point2D from = layer.screenToLocal(onScreen.getMinX(), onScreen.getMaxY());
        if (from == null) {
            return;
        }
        Line r = new Line(from.getX(), from.getY() - 0.5, from.getX() + onScreen.getWidth(), from.getY() - 0.5);
        r.getStyleClass().add("cliche-rule");
        r.setUserData(onScreen);
        layer.getChildren().add(r);
    }

    private static String key(Finding f) {
        return f.start() + ":" + f.text();
    }
}
