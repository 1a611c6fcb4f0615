package dev.quire.ui.prompt;

import dev.quire.prompt.PromptReport;
import dev.quire.prompt.PromptTooSmallException;
import dev.quire.studio.Prompts;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;


/**
 * What the next request for a scene would send: the frame, the instruction, and the report of what
 * went in, what was left out and why. Recomputed off the FX thread; only the newest result is shown.
 */
public final class PromptPreviewViewModel {

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final Long sceneId;

    private final ObservableList<Prompts.FrameInfo> frames = FXCollections.observableArrayList();
    private final StringProperty frame = new SimpleStringProperty(this, "frame", "scene");
    private final StringProperty instruction = new SimpleStringProperty(this, "instruction", "");
    private final ObjectProperty<PromptReport> report = new SimpleObjectProperty<>(this, "report");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty tooSmall = new SimpleStringProperty(this, "tooSmall", "");
    private final StringProperty provider = new SimpleStringProperty(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    /** The panel's Mix, when it is on: each column's request is fitted to its own model. Empty when off. */
    private final ObservableList<dev.quire.studio.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<ColumnFit> fits = FXCollections.observableArrayList();
    private long requested;
    private dev.quire.studio.Generator.Mode mode = dev.quire.studio.Generator.Mode.SCENE;
    private int anchorStart;
    private int anchorEnd;

    /** Builds the report some other way (a conversation's next reply); no frame to choose. */
    private final java.util.function.Function<String, PromptReport> source;

    public PromptPreviewViewModel(Studio studio, Background background, long storyId, Long sceneId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        this.sceneId = sceneId;
        this.source = null;
        frame.addListener((o, was, now) -> refresh());
    }

    /** A preview of what {@code source} builds from the instruction (the draft), for a conversation. */
    public static PromptPreviewViewModel of(Studio studio, Background background, long storyId,
                                            java.util.function.Function<String, PromptReport> source) {
        return new PromptPreviewViewModel(source, studio, background, storyId);
    }

    private PromptPreviewViewModel(java.util.function.Function<String, PromptReport> source, Studio studio,
                                   Background background, long storyId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        this.sceneId = null;
        this.source = source;
    }

    public void loadFrames() {
        if (source != null) {
            refresh();
            return;
        }
        background.read(() -> studio.prompts().frames(storyId)).onSuccess(list -> {
            frames.setAll(list);
            refresh();
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /**
     * What the next request does: write the scene, continue from a cursor, or rewrite a selection of the scene's
     * text as the library holds it. Takes effect at the next {@link #refresh()}.
     */
    public void placement(dev.quire.studio.Generator.Mode newMode, int start, int end) {
        mode = newMode == null ? dev.quire.studio.Generator.Mode.SCENE : newMode;
        anchorStart = start;
        anchorEnd = end;
    }

    /** Builds the prompt again; a result older than one already asked for is dropped. */
    public void refresh() {
        long ticket = ++requested;
        String frameKey = frame.get();
        String text = instruction.get();
        dev.quire.studio.Generator.Mode m = mode;
        int start = anchorStart;
        int end = anchorEnd;
        String asked = provider.get();
        String modelName = model.get();
        // the same provider and model as Generate, so the figure shown is the one the generation records
        background.read(() -> source != null ? source.apply(text)
                : studio.prompts().preview(storyId, sceneId, frameKey, text,
                sceneId == null ? dev.quire.studio.Generator.Mode.SCENE : m, start, end, null,
                new Prompts.Asking(asked, modelName, java.util.List.of())))
                .onSuccess(r -> {
                    if (ticket == requested) {
                        tooSmall.set("");
                        report.set(r);
                        problem.set("");
                    }
                }).onError(e -> {
                    if (ticket != requested) {
                        return;
                    }
                    if (e instanceof PromptTooSmallException) {
                        // nothing that fits can be shown: the meter and the preview say so, with the figures
                        tooSmall.set(e.getMessage());
                        report.set(null);
                    }
                    problem.set(e.getMessage());
                }).start();
        refreshFits(ticket, frameKey, text, m, start, end, asked, modelName);
    }

    private void refreshFits(long ticket, String frameKey, String text, dev.quire.studio.Generator.Mode m,
                             int start, int end, String asked, String modelName) {
        java.util.List<dev.quire.studio.Column> mixed = source != null ? java.util.List.of() : java.util.List.copyOf(columns);
        if (mixed.isEmpty()) {
            fits.clear();
            return;
        }
        background.read(() -> {
            java.util.List<ColumnFit> out = new java.util.ArrayList<>();
            for (int i = 0; i < mixed.size(); i++) {
                dev.quire.studio.Column c = mixed.get(i);
                String p = c.provider() != null ? c.provider() : asked;
                String mod = c.model() != null ? c.model() : modelName;
                String label = dev.quire.model.Variant.labelFor(i);
                String who = (p == null || p.isBlank() ? "the story's provider" : p)
                        + (mod == null || mod.isBlank() ? "" : "/" + mod);
                try {
                    PromptReport r = studio.prompts().preview(storyId, sceneId, frameKey, c.instructionFor(text),
                            sceneId == null ? dev.quire.studio.Generator.Mode.SCENE : m, start, end, null,
                            new Prompts.Asking(p, mod, java.util.List.of()));
                    out.add(new ColumnFit(label, who, r, null));
                } catch (RuntimeException e) {
                    out.add(new ColumnFit(label, who, null, e.getMessage()));
                }
            }
            return out;
        }).onSuccess(list -> {
            if (ticket == requested) {
                fits.setAll(list);
            }
        }).onError(e -> {
            if (ticket == requested) {
                fits.clear();
            }
        }).start();
    }

    /**
     * One column's fit in a mixed set: its label, whom it asks, and its own report, or why it cannot be sent.
     *
     * @param asks    the provider profile, and the model when the column names one: "local-8k/llama3"
     * @param report  null when the column's prompt cannot be built
     * @param problem why not; null when it can
     */
    public record ColumnFit(String label, String asks, PromptReport report, String problem) {

        /** "A · claude-opus: 117,169 of 195,904 tokens, scenes 1–57 verbatim", in the writer's words. */
        public String line() {
            java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT);
            String head = label + " · " + asks + ": ";
            if (report == null) {
                return head + (problem == null ? "cannot be built" : problem);
            }
            String story = report.coverage().line();
            return head + report.tokensText() + " of " + n.format(report.budget()) + " tokens"
                    + (report.fits() ? "" : " (does not fit)")
                    + (story.isBlank() ? "" : ", " + story)
                    + (report.dropped().isEmpty() ? "" : ", " + report.dropped().size() + " left out");
        }
    }

    /** The chosen frame itself (template and all), for the frame editor. */
    public void loadFrame(java.util.function.Consumer<dev.quire.prompt.Frame> show) {
        String key = frame.get();
        background.read(() -> studio.prompts().frame(storyId, key)).onSuccess(show)
                .onError(e -> problem.set(e.getMessage())).start();
    }

    /** Copies the chosen frame into the library as the writer's own, for this story, and chooses the copy. */
    public void duplicateFrame(String name, java.util.function.Consumer<dev.quire.prompt.Frame> opened) {
        String from = frame.get();
        background.write(() -> {
            Prompts.FrameInfo copy = studio.prompts().duplicate(storyId, from, name);
            return studio.prompts().frame(storyId, copy.key());
        }).onSuccess(copy -> {
            reloadFramesChoosing(copy.key());
            opened.accept(copy);
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /** Saves the writer's frame; {@code done} receives null, or the problems that kept it from saving. */
    public void saveFrame(String key, String name, String template, java.util.function.Consumer<String> done) {
        background.write(() -> {
            studio.prompts().saveFrame(key, name, template);
            return key;
        }).onSuccess(k -> {
            reloadFramesChoosing(k);
            done.accept(null);
        }).onError(e -> done.accept(e.getMessage())).start();
    }

    /** Puts the writer's frame back to the built-in text it was copied from. */
    public void restoreFrame(String key, java.util.function.Consumer<dev.quire.prompt.Frame> reloaded) {
        background.write(() -> {
            studio.prompts().restore(key);
            return studio.prompts().frame(storyId, key);
        }).onSuccess(f -> {
            refresh();
            reloaded.accept(f);
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    public void deleteFrame(String key) {
        background.write(() -> {
            studio.prompts().deleteFrame(key);
            return null;
        }).onSuccess(x -> reloadFramesChoosing("scene")).onError(e -> problem.set(e.getMessage())).start();
    }

    private void reloadFramesChoosing(String key) {
        background.read(() -> studio.prompts().frames(storyId)).onSuccess(list -> {
            frames.setAll(list);
            if (key.equals(frame.get())) {
                refresh();
            } else {
                frame.set(key);
            }
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /**
     * The panel's mixed columns, in order, when its Mix is on; empty when off. Each column's fit is shown at the
     * next {@link #refresh()}.
     */
    public ObservableList<dev.quire.studio.Column> columns() {
        return columns;
    }

    /** Each column's fit, in column order; empty when the panel asks one request. */
    public ObservableList<ColumnFit> fits() {
        return fits;
    }

    /** False for a conversation's preview: its frame is the conversation's own. */
    public boolean choosesFrame() {
        return source == null;
    }

    public ObservableList<Prompts.FrameInfo> frames() {
        return frames;
    }

    public StringProperty frameProperty() {
        return frame;
    }

    public StringProperty instructionProperty() {
        return instruction;
    }

    public ReadOnlyObjectProperty<PromptReport> reportProperty() {
        return report;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Why the prompt cannot be sent at all, with the figures; "" while it fits. */
    public ReadOnlyStringProperty tooSmallProperty() {
        return tooSmall;
    }

    /** The provider Generate would ask (a profile name or kind); null for the story's. */
    public StringProperty providerProperty() {
        return provider;
    }

    /** The model Generate would ask; "" for the profile's default. */
    public StringProperty modelProperty() {
        return model;
    }
}
