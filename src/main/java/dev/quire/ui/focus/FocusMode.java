package dev.quire.ui.focus;

import dev.quire.ui.common.Fx;
import dev.quire.ui.prose.ProseArea;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import java.text.BreakIterator;
import java.util.Optional;

/**
 * Focus mode: the window full screen with nothing but the scene's text, centred at a comfortable measure. The
 * scene's own text area moves into it (so typing, undo and autosave are the editor's, unchanged) and back when
 * the writer leaves with Esc. Optionally the paragraph or sentence being written stays bright while the rest
 * dims, and typewriter scrolling keeps the line being written in the middle of the screen.
 */
public final class FocusMode {

    /** What stays bright while the rest dims. */
    public enum Highlight {
        NONE("No highlight"), PARAGRAPH("Current paragraph"), SENTENCE("Current sentence");

        private final String label;

        Highlight(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The widest the text runs, in pixels: about 70 characters a line. */
    static final double MEASURE = 680;

    private final ObjectProperty<Highlight> highlight = new SimpleObjectProperty<>(this, "highlight",
            Highlight.PARAGRAPH);
    private final BooleanProperty typewriter = new SimpleBooleanProperty(this, "typewriter", false);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final StackPane layer = new StackPane();
    private final Pane dim = new Pane();
    private final Region above = new Region();
    private final Region below = new Region();
    private ProseArea area;
    private Node moved;
    private Pane home;
    private int homeIndex;
    private Insets homePadding;
    private Stage stage;
    private boolean wasFullScreen;
    private Runnable onLeave = () -> { };
    private final InvalidationListener follow = o -> Fx.later(this::refresh);
    private final InvalidationListener measure = o -> pad();

    public FocusMode() {
        layer.getStyleClass().add("focus-mode");
        dim.getStyleClass().add("focus-dim");
        dim.setMouseTransparent(true);
        dim.setManaged(false);
        above.getStyleClass().add("focus-shade");
        below.getStyleClass().add("focus-shade");
        // placed by hand, so a layout pass of the pane does not shrink them back to nothing
        above.setManaged(false);
        below.setManaged(false);
        dim.getChildren().addAll(above, below);
        layer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                leave();
                e.consume();
            }
        });
        highlight.addListener(follow);
        typewriter.addListener(o -> {
            pad();
            Fx.later(this::refresh);
        });
    }

    /** The options bar: what to highlight, typewriter scrolling, and how to leave. */
    private Node options() {
        ChoiceBox<Highlight> which = new ChoiceBox<>();
        which.getItems().setAll(Highlight.values());
        which.valueProperty().bindBidirectional(highlight);
        which.getStyleClass().add("focus-highlight");
        which.setConverter(new StringConverter<>() {
            @Override
            public String toString(Highlight h) {
                return h == null ? "" : h.toString();
            }

            @Override
            public Highlight fromString(String s) {
                return Highlight.valueOf(s);
            }
        });
        CheckBox scrolling = new CheckBox("Typewriter scrolling");
        scrolling.getStyleClass().add("focus-typewriter");
        scrolling.selectedProperty().bindBidirectional(typewriter);
        Label leave = new Label("Esc leaves focus");
        leave.getStyleClass().add("field-hint");
        HBox bar = new HBox(14, which, scrolling, leave);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("focus-options");
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // the bar keeps to its corner; arrows and typing go to the text
        which.setFocusTraversable(false);
        scrolling.setFocusTraversable(false);
        return bar;
    }

    /**
     * Shows {@code area} (with its scroll pane) alone in {@code stage}, full screen; {@code show} puts the focus
     * layer in the window, {@code onLeave} puts the window back once the text area is home again.
     */
    public void enter(ProseArea area, Stage stage, java.util.function.Consumer<Node> show, Runnable onLeave) {
        if (active.get()) {
            return;
        }
        this.area = area;
        this.stage = stage;
        this.onLeave = onLeave;
        moved = area.getParent() instanceof Pane ? area : area.getParent();
        Parent parent = moved.getParent();
        if (!(parent instanceof Pane pane)) {
            return;
        }
        home = pane;
        homeIndex = home.getChildren().indexOf(moved);
        homePadding = area.getPadding();
        home.getChildren().remove(moved);
        Node bar = options();
        StackPane.setAlignment(bar, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(bar, new Insets(0, 24, 16, 0));
        layer.getChildren().setAll(moved, dim, bar);
        show.accept(layer);
        active.set(true);
        area.widthProperty().addListener(measure);
        area.heightProperty().addListener(measure);
        area.caretPositionProperty().addListener(follow);
        area.estimatedScrollYProperty().addListener(follow);
        area.textProperty().addListener(follow);
        layer.widthProperty().addListener(follow);
        layer.heightProperty().addListener(follow);
        if (stage != null) {
            wasFullScreen = stage.isFullScreen();
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            stage.fullScreenProperty().addListener(fullScreenLeft);
        }
        pad();
        area.requestFocus();
        area.requestFollowCaret();
        Fx.later(this::refresh);
    }

    /** The window left full screen some other way (the window manager): leave focus mode too. */
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenLeft = (o, was, now) -> {
        if (!now) {
            leave();
        }
    };

    /** Puts the text area back in the editor and the window as it was. */
    public void leave() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        area.widthProperty().removeListener(measure);
        area.heightProperty().removeListener(measure);
        area.caretPositionProperty().removeListener(follow);
        area.estimatedScrollYProperty().removeListener(follow);
        area.textProperty().removeListener(follow);
        layer.widthProperty().removeListener(follow);
        layer.heightProperty().removeListener(follow);
        if (stage != null) {
            stage.fullScreenProperty().removeListener(fullScreenLeft);
            if (!wasFullScreen) {
                stage.setFullScreen(false);
            }
        }
        layer.getChildren().clear();
        area.setPadding(homePadding);
        home.getChildren().add(Math.min(homeIndex, home.getChildren().size()), moved);
        onLeave.run();
        ProseArea text = area;
        Fx.later(() -> {
            text.requestFocus();
            text.requestFollowCaret();
        });
        area = null;
    }

    /** The text centred at the measure; with typewriter scrolling, room above and below to keep any line central. */
    private void pad() {
        if (area == null) {
            return;
        }
        double side = Math.max(28, (area.getWidth() - MEASURE) / 2);
        double room = typewriter.get() ? Math.max(60, area.getHeight() * 0.45) : 60;
        area.setPadding(new Insets(typewriter.get() ? room : 48, side, room, side));
    }

    /** Moves the shades to the paragraph or sentence at the caret, and the caret's line to the middle. */
    void refresh() {
        if (area == null || !active.get()) {
            return;
        }
        if (typewriter.get()) {
            area.getCaretBounds().ifPresent(caret -> {
                Bounds local = area.screenToLocal(caret);
                if (local != null) {
                    double delta = local.getCenterY() - area.getHeight() / 2;
                    if (Math.abs(delta) > 2) {
                        area.scrollYBy(delta);
                    }
                }
            });
        }
        Optional<Bounds> lit = litBounds();
        boolean shaded = highlight.get() != Highlight.NONE && lit.isPresent();
        above.setVisible(shaded);
        below.setVisible(shaded);
        if (!shaded) {
            return;
        }
        Bounds b = dim.screenToLocal(lit.get());
        if (b == null) {
            return;
        }
        double width = layer.getWidth();
        double height = layer.getHeight();
        double top = Math.max(0, b.getMinY() - 4);
        double bottom = Math.min(height, b.getMaxY() + 4);
        above.resizeRelocate(0, 0, width, top);
        below.resizeRelocate(0, bottom, width, Math.max(0, height - bottom));
    }

    /** Where the bright part is on screen: the caret's paragraph, or the lines of its sentence. */
    private Optional<Bounds> litBounds() {
        int paragraph = area.getCurrentParagraph();
        if (highlight.get() == Highlight.PARAGRAPH || area.getParagraph(paragraph).length() == 0) {
            return area.getParagraphBoundsOnScreen(paragraph);
        }
        String text = area.getText(paragraph);
        int column = Math.min(area.getCaretColumn(), text.length());
        BreakIterator sentences = BreakIterator.getSentenceInstance();
        sentences.setText(text);
        // the sentence the caret is in, or the one it ends
        int end = column < text.length() ? sentences.following(column) : text.length();
        int start = end > 0 ? Math.max(0, sentences.preceding(end)) : 0;
        int offset = area.getAbsolutePosition(paragraph, 0);
        if (end <= start) {
            return area.getParagraphBoundsOnScreen(paragraph);
        }
        return area.getCharacterBoundsOnScreen(offset + start, offset + end);
    }

    public ObjectProperty<Highlight> highlightProperty() {
        return highlight;
    }

    public BooleanProperty typewriterProperty() {
        return typewriter;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** The layer shown while focus mode is on. */
    public Node view() {
        return layer;
    }

    /** The shade above the bright part and the one below it. */
    public Region[] shades() {
        return new Region[] {above, below};
    }
}
