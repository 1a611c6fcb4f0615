package dev.quire.ui.spell;

import dev.quire.spell.SpellChecks;
import dev.quire.spell.SpellFinding;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spell check over a sheet's long field (a plain text area): as in the scene, changed paragraphs are checked after a
 * pause in typing and misspellings get a wavy underline on a layer above the field; its context menu offers the
 * suggestions, "Add to story dictionary" and "Ignore" beside Cut, Copy and Paste.
 */
public final class FieldSpelling {

    /** The style class that marks a text area as prose to check. */
    public static final String LONG_FIELD = "long-field";

    private final TextArea area;
    private final SpellWatch watch;
    private final SpellChecks checks = new SpellChecks();
    private final StackPane view;
    private final Pane layer = new Pane();
    private final PauseTransition pause = new PauseTransition(ProseSpelling.PAUSE);
    private final InvalidationListener recheck = o -> {
        checks.forget();
        check();
    };
    private List<SpellFinding> findings = List.of();
    private final dev.quire.ui.prose.AfterLayout redraw;

    private FieldSpelling(TextArea area, SpellWatch watch) {
        this.area = area;
        this.redraw = new dev.quire.ui.prose.AfterLayout(area, layer, this::draw);
        this.watch = watch;
        this.view = new StackPane();
    }

    /**
     * Checks every long field under {@code root}, each wrapped in place with its underline layer.
     *
     * @return the fields' spell checks, in page order
     */
    public static List<FieldSpelling> attachAll(Node root, SpellWatch watch) {
        List<TextArea> fields = new ArrayList<>();
        collect(root, fields);
        List<FieldSpelling> out = new ArrayList<>();
        for (TextArea f : fields) {
            if (f.getParent() instanceof Pane parent) {
                int at = parent.getChildren().indexOf(f);
                javafx.scene.layout.Priority grow = javafx.scene.layout.VBox.getVgrow(f);
                FieldSpelling s = attach(f, watch);
                parent.getChildren().add(at, s.view);
                javafx.scene.layout.VBox.setVgrow(s.view, grow);
                out.add(s);
            }
        }
        return out;
    }

    private static void collect(Node node, List<TextArea> out) {
        if (node instanceof TextArea t && t.getStyleClass().contains(LONG_FIELD)) {
            out.add(t);
        } else if (node instanceof ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        } else if (node instanceof Parent p && !(node instanceof TextArea)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /** Watches one text area; put {@link #view()} where the area was. */
    public static FieldSpelling attach(TextArea area, SpellWatch watch) {
        FieldSpelling s = new FieldSpelling(area, watch);
        area.getProperties().put(FieldSpelling.class, s);
        s.layer.setMouseTransparent(true);
        s.layer.setManaged(false);
        s.layer.getStyleClass().add("spell-layer");
        s.view.getChildren().setAll(area, s.layer);
        s.pause.setOnFinished(e -> s.check());
        area.textProperty().addListener((o, was, now) -> {
            s.checks.ask();
            s.show(edited(s.findings, was == null ? "" : was, now == null ? "" : now));
            s.pause.playFromStart();
        });
        area.widthProperty().addListener(o -> s.drawSoon());
        area.heightProperty().addListener(o -> s.drawSoon());
        area.scrollTopProperty().addListener(o -> s.drawSoon());
        area.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                watch.refreshKnown();
            }
        });
        area.skinProperty().addListener(o -> s.drawSoon());
        watch.revisionProperty().addListener(new WeakInvalidationListener(s.recheck));
        watch.shownProperty().addListener(new WeakInvalidationListener(s.recheck));
        s.menu();
        s.check();
        return s;
    }

    /** The findings moved past an edit found by comparing the text before and after it. */
    private static List<SpellFinding> edited(List<SpellFinding> findings, String was, String now) {
        int max = Math.min(was.length(), now.length());
        int head = 0;
        while (head < max && was.charAt(head) == now.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (tail < max - head && was.charAt(was.length() - 1 - tail) == now.charAt(now.length() - 1 - tail)) {
            tail++;
        }
        return SpellFinding.afterEdit(findings, head, was.length() - tail - head, now.length() - tail - head);
    }

    public void check() {
        pause.stop();
        if (!watch.shownProperty().get()) {
            checks.ask();
            show(List.of());
            return;
        }
        String text = area.getText() == null ? "" : area.getText();
        watch.check(checks, text, result -> {
            if (checks.isCurrent(result, area.getText() == null ? "" : area.getText())) {
                show(result.findings());
            }
        });
    }

    public Node view() {
        return view;
    }

    /** The spell check attached to this field, if it has one. */
    public static Optional<FieldSpelling> of(TextArea area) {
        return Optional.ofNullable((FieldSpelling) area.getProperties().get(FieldSpelling.class));
    }

    public TextArea area() {
        return area;
    }

    public List<SpellFinding> findings() {
        return findings;
    }

    public Pane layer() {
        return layer;
    }

    public Optional<SpellFinding> at(int offset) {
        return findings.stream().filter(f -> f.start() <= offset && offset <= f.end()).findFirst();
    }

    /** What the writer can do about this misspelling. */
    public List<MenuItem> actions(SpellFinding f) {
        return watch.actions(f, suggestion -> {
            if (f.end() <= area.getLength() && area.getText(f.start(), f.end()).equals(f.text())) {
                area.replaceText(f.start(), f.end(), suggestion);
            }
        });
    }

    /** The field's menu: the answers to the misspelling at the caret (a right-click moves it there), then editing. */
    private void menu() {
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(e -> area.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> area.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(e -> area.paste());
        MenuItem all = new MenuItem("Select All");
        all.setOnAction(e -> area.selectAll());
        ContextMenu menu = new ContextMenu(cut, copy, paste, new SeparatorMenuItem(), all);
        menu.setOnShowing(e -> {
            menu.getItems().setAll(cut, copy, paste, new SeparatorMenuItem(), all);
            boolean selected = area.getSelection().getLength() > 0;
            cut.setDisable(!selected);
            copy.setDisable(!selected);
            at(area.getCaretPosition()).ifPresent(f -> {
                List<MenuItem> answers = new ArrayList<>(actions(f));
                answers.add(new SeparatorMenuItem());
                menu.getItems().addAll(0, answers);
            });
        });
        area.setContextMenu(menu);
    }

    private void show(List<SpellFinding> now) {
        findings = List.copyOf(now);
        drawSoon();
    }

    private void drawSoon() {
        redraw.ask();
    }

    private void draw() {
        Squiggles.draw(layer, findings, area.getLength(), this::boundsOnScreen);
    }

    /** A range's bounds on screen, from the field's paragraph text nodes (one per paragraph). */
    private Optional<Bounds> boundsOnScreen(int start, int end) {
        if (!(area.getSkin() instanceof TextAreaSkin) || area.getScene() == null) {
            return Optional.empty();
        }
        List<Text> paragraphs = new ArrayList<>();
        for (Node n : area.lookupAll(".text")) {
            if (n instanceof Text t && t.getParent() instanceof javafx.scene.Group && t.isVisible()) {
                paragraphs.add(t);
            }
        }
        int offset = 0;
        for (Text t : paragraphs) {
            int length = t.getText().length();
            if (start >= offset && end <= offset + length) {
                Path shape = new Path(t.rangeShape(start - offset, end - offset));
                Bounds local = shape.getBoundsInLocal();
                Bounds onScreen = local.isEmpty() || local.getWidth() <= 0 ? null : t.localToScreen(local);
                Bounds field = area.localToScreen(area.getLayoutBounds());
                // a line scrolled out of the field is not drawn over what is around it
                return onScreen == null || field == null || !field.contains(onScreen.getCenterX(),
                        onScreen.getCenterY()) ? Optional.empty() : Optional.of(onScreen);
            }
            offset += length + 1;
        }
        return Optional.empty();
    }
}
