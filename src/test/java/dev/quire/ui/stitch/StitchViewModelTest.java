package dev.quire.ui.stitch;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Generation;
import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.SceneRevision;
import dev.quire.model.Span;
import dev.quire.model.Variant;
import dev.quire.studio.Generator;
import dev.quire.testing.Wire;
import dev.quire.ui.SampleLibrary;
import dev.quire.ui.common.Ticker;
import dev.quire.ui.editor.SceneEditorViewModel;
import dev.quire.ui.prose.ProseStyle;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The stitching pane without a screen: a real library in a temporary folder, a loopback server speaking the
 * OpenAI-compatible stream, and the test in the FX thread's place. Streamed text waits in {@link Frames} until the
 * test runs it, the columns' clock ticks only when the test says, and a stand-in for the composition's editor
 * holds the composition.
 */
class StitchViewModelTest {

    private static final String[] VERSIONS = {
        "The lamp had gone out an hour before. Ruth counted the cups twice and found one missing.",
        "The lamp was still warm. Ruth sat by the door and listened to the tide come up the lane.",
        "Somewhere a gate answered the wind. Nobody else was awake.",
    };

    @TempDir
    Path dir;

    private SampleLibrary library;
    private MockWebServer server;
    private Scene scene;
    private final Frames frames = new Frames();
    private final ManualTicker ticker = new ManualTicker();
    private final Document composition = new Document();
    private final Host host = new Host();
    private StitchViewModel pane;

    @BeforeEach
    void openTheFirstScene() {
        library = SampleLibrary.open(dir);
        server = Wire.start();
        library.studio().providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                server.url("/v1").toString().replaceAll("/$", ""), "local", 32_000, 500), null);
        library.studio().providers().setDefaultProfile("loop");
        scene = library.studio().scenes().get(library.headers().get(0).id()).orElseThrow();
        host.text = scene.prose().text();
        pane = new StitchViewModel(library.studio(), new Generator(library.studio()), library.background(),
                library.status(), frames, ticker, scene.id());
        pane.attach(host);
        pane.composeIn(composition);
        pane.load(library.storyId());
        assertTrue(pane.loadedProperty().get(), "the pane loads: " + pane.problemProperty().get());
    }

    @AfterEach
    void closeEverything() throws Exception {
        frames.release();
        pane.close();
        quiet();
        server.close();
        library.close();
    }

    @Test
    void aTakenPassageIsAttributedToItsVariantAndTheWritersGapKeepsItApart() throws Exception {
        List<VariantColumn> columns = generate(2);
        VariantColumn a = columns.get(0);
        VariantColumn b = columns.get(1);
        String bFirst = firstSentence(b.text());
        String aFirst = firstSentence(a.text());
        String aSecond = a.text().substring(aFirst.length() + 1);

        pane.take(b, 0, bFirst.length(), 0);
        // the middle of a paragraph follows with a space, the start of one begins a paragraph
        pane.take(a, aFirst.length(), a.text().length(), composition.prose().text().length());
        pane.take(a, 0, aFirst.length(), composition.prose().text().length());

        Provenance fromA = Provenance.variant("A", a.variantId());
        Prose expected = new Prose.Builder()
                .append(bFirst, Provenance.variant("B", b.variantId()), false, false)
                .append(" ")
                .append(aSecond, fromA, false, false)
                .append("\n")
                .append(aFirst, fromA, false, false)
                .build();
        assertEquals(expected, composition.prose(), "each passage names its variant; the gaps are yours");
        assertTrue(pane.sharesProperty().get().matches("\\d+% A · \\d+% B"), pane.sharesProperty().get());
        pane.flush();
        assertEquals(expected, library.studio().stitching().pane(scene.id()).composition().prose(),
                "the composition is kept with its provenance");
    }

    @Test
    void typingInsideATakenPassageIsTheWritersAndTheRestKeepsItsVariant() throws Exception {
        VariantColumn a = generate(1).get(0);
        String sentence = firstSentence(a.text());
        pane.take(a, 0, sentence.length(), 0);
        int inside = sentence.indexOf(' ') + 1;

        composition.type(inside, "old ");

        Provenance variant = Provenance.variant("A", a.variantId());
        Prose expected = new Prose.Builder()
                .append(sentence.substring(0, inside), variant, false, false)
                .append("old ")
                .append(sentence.substring(inside), variant, false, false)
                .build();
        assertEquals(expected, composition.prose());
        assertTrue(pane.sharesProperty().get().matches("\\d+% yours · \\d+% A"), pane.sharesProperty().get());
        pane.flush();
        assertEquals(expected, library.studio().stitching().pane(scene.id()).composition().prose());
    }

    @Test
    void acceptPutsTheCompositionIntoTheSceneWithEveryCharactersProvenance() throws Exception {
        List<VariantColumn> columns = generate(2);
        VariantColumn b = columns.get(1);
        String bFirst = firstSentence(b.text());
        pane.take(b, 0, bFirst.length(), 0);
        composition.type(bFirst.length(), " Nobody came.");
        Prose expected = new Prose.Builder()
                .append(bFirst, Provenance.variant("B", b.variantId()), false, false)
                .append(" Nobody came.")
                .build();

        pane.accept();
        await("the scene editor hears of the accepted text", () -> host.replaced.get() != null);

        Scene stored = library.studio().scenes().get(scene.id()).orElseThrow();
        assertEquals(expected, stored.prose(), "the scene holds exactly the composition and its provenance");
        assertEquals(expected, host.replaced.get());
        assertEquals(Prose.EMPTY, composition.prose(), "the composition starts again empty");
        assertEquals(Prose.EMPTY, library.studio().stitching().pane(scene.id()).composition().prose());
        assertEquals(List.of(columns.get(0).variantId(), b.variantId()), library.studio().stitching()
                .pane(scene.id()).columns().stream().map(c -> c.variant().id()).toList(), "the columns stay");
        assertFalse(pane.acceptingProperty().get());
    }

    /** The pane itself has no undo for an accept: the scene's earlier text is a revision, restored from the editor. */
    @Test
    void theTextAnAcceptReplacedIsKeptAsARevisionThatRestoresIt() throws Exception {
        AtomicReference<Prose> editorText = new AtomicReference<>();
        SceneEditorViewModel editor = new SceneEditorViewModel(library.studio(), library.background(),
                library.status(), scene.id(), (id, title, words) -> { });
        editor.readTextFrom(editorText::get);
        editor.load(library.background(), editorText::set);
        host.onReplaced = prose -> editor.replaced(prose, editorText::set);
        VariantColumn a = generate(1).get(0);
        pane.take(a, 0, a.text().length(), 0);

        pane.accept();
        await("the text is accepted", () -> host.replaced.get() != null);
        assertEquals(a.text(), editorText.get().text());

        List<SceneRevision> revisions = new ArrayList<>();
        editor.revisions(revisions::addAll);
        SceneRevision before = revisions.stream().filter(r -> r.prose().equals(scene.prose())).findFirst()
                .orElseThrow(() -> new AssertionError("the replaced text is not among the revisions"));
        editor.restore(before, prose -> {
            editorText.set(prose);
            pane.sceneRestored(prose.text().length());
        });
        quiet();

        assertEquals(scene.prose(), library.studio().scenes().get(scene.id()).orElseThrow().prose());
        assertEquals(scene.prose(), editorText.get(), "the editor shows the earlier text again");
        assertTrue(library.studio().scenes().revisions(scene.id()).stream()
                .anyMatch(r -> r.kind() == SceneRevision.Kind.ACCEPT && r.prose().text().equals(a.text())),
                "the accepted text is a revision in its turn");
    }

    @Test
    void regeneratingOneColumnAsksForItAloneAndTheOtherStays() throws Exception {
        List<VariantColumn> columns = generate(2);
        VariantColumn a = columns.get(0);
        VariantColumn b = columns.get(1);
        String aText = a.text();
        long aId = a.variantId();
        long oldB = b.variantId();
        server.enqueue(Wire.sse(Wire.openAi(VERSIONS[2].split("(?<= )"))).build());

        pane.regenerate(b);
        await("B was asked again", () -> b.text().equals(VERSIONS[2]) && b.statusProperty().get()
                == Variant.Status.COMPLETE && b.variantId() != null && b.variantId() != oldB
                && !pane.runningProperty().get());

        assertEquals(3, Wire.chats(server), "one more request, for one variant");
        assertEquals(List.of(a, b), List.copyOf(pane.columns()));
        assertEquals(aText, a.text());
        assertEquals(aId, a.variantId());
        assertEquals(List.of(aId, b.variantId()), library.studio().stitching().pane(scene.id()).columns().stream()
                .map(c -> c.variant().id()).toList(), "the new variant took B's place");
        assertTrue(library.studio().generations().variant(oldB).isPresent(), "the earlier B stays in the library");
    }

    @Test
    void theColumnsClockTicksWhileTheyStreamAndStopsWithThem() throws Exception {
        VariantColumn column = stalledStream();
        assertEquals(1, ticker.active(), "one clock while streaming");
        assertEquals("", column.elapsedProperty().get());

        ticker.tick();
        assertTrue(column.elapsedProperty().get().matches("\\d+\\.\\d s"), column.elapsedProperty().get());

        pane.cancel();
        await("the stream stops", () -> !pane.runningProperty().get());
        assertEquals(Variant.Status.STOPPED, column.statusProperty().get());
        assertEquals(0, ticker.active(), "no clock once nothing streams");
    }

    @Test
    void closingWhileAStreamStallsReturnsAtOnceAndTheLibraryKeepsWhatArrivedAsCancelled() throws Exception {
        VariantColumn column = stalledStream();
        long variantId = column.variantId();
        Generation generation = library.studio().generations().forScene(scene.id()).get(0);

        // the stream's last callbacks are held back, so recording what arrived cannot finish before they go on
        frames.hold();
        assertTimeout(Duration.ofSeconds(1), pane::close, "closing waits for nothing");
        assertEquals(Generation.Status.STREAMING, library.studio().generations().get(generation.id()).orElseThrow()
                .status(), "the recording was still going on when close returned");
        assertEquals(0, ticker.active(), "the closed pane's clock stops");
        frames.release();

        await("the stopped stream is recorded", () -> library.studio().generations().get(generation.id())
                .orElseThrow().status() != Generation.Status.STREAMING);
        Variant stored = library.studio().generations().variant(variantId).orElseThrow();
        assertEquals("The gauge overflowed", stored.text());
        assertEquals(Variant.Status.STOPPED, stored.status());
        assertEquals(Generation.Status.CANCELLED, library.studio().generations().get(generation.id()).orElseThrow()
                .status());
        assertEquals(List.of(variantId), library.studio().stitching().pane(scene.id()).columns().stream()
                .map(c -> c.variant().id()).toList(), "the column was kept when the request was sent");
    }

    // ---- helpers ----

    /** Asks for {@code count} of {@link #VERSIONS} and waits until all have streamed in and been compared. */
    private List<VariantColumn> generate(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            // word by word, so each column streams in many pieces
            server.enqueue(Wire.sse(Wire.openAi(VERSIONS[i].split("(?<= )"))).build());
        }
        pane.instructionProperty().set("Ruth waits up for her brother.");
        pane.variantsProperty().set(count);
        pane.generate();
        await(count + " variants have streamed in", () -> pane.columns().size() == count
                && !pane.runningProperty().get() && pane.columns().stream().allMatch(c -> c.statusProperty().get()
                == Variant.Status.COMPLETE && c.variantId() != null && !c.marksProperty().get().isEmpty()));
        List<String> texts = pane.columns().stream().map(VariantColumn::text).sorted().toList();
        assertEquals(List.of(VERSIONS).subList(0, count).stream().sorted().toList(), texts);
        return List.copyOf(pane.columns());
    }

    /** One variant whose first words arrive, then nothing more. */
    private VariantColumn stalledStream() throws InterruptedException {
        String head = Wire.openAiRole(0) + Wire.openAiDelta(0, "The gauge ") + Wire.openAiDelta(0, "overflowed");
        server.enqueue(Wire.stalledAfter("text/event-stream", head).build());
        pane.instructionProperty().set("Rain all night.");
        pane.variantsProperty().set(1);
        pane.generate();
        await("the first words are in the column", () -> pane.columns().size() == 1
                && pane.columns().get(0).text().equals("The gauge overflowed")
                && pane.columns().get(0).variantId() != null);
        return pane.columns().get(0);
    }

    private static String firstSentence(String text) {
        return text.substring(0, text.indexOf('.') + 1);
    }

    /**
     * Lets the library's writer finish what is queued on it and what that queued in turn (a request is prepared,
     * then sent); with {@code Background.direct()} their results are handed back there too.
     */
    private void quiet() {
        for (int i = 0; i < 3; i++) {
            library.settle();
        }
    }

    /**
     * Runs frames, one batch at a time and only while the writer is quiet (as the FX thread runs them between the
     * writer's results), until {@code condition} holds: waiting for the next frame, never longer than 15 s in all.
     */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            quiet();
            frames.runAll();
            if (condition.getAsBoolean()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("Timed out waiting until " + what + " (" + pane.problemProperty().get() + ")");
            }
            Runnable next = frames.queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)),
                    TimeUnit.NANOSECONDS);
            if (next != null) {
                quiet();
                next.run();
            }
        }
    }

    /** The FX thread's frames, run by the test. Held, it keeps the generator's thread waiting at its next one. */
    private static final class Frames implements Executor {
        final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        private final Thread test = Thread.currentThread();
        private volatile CountDownLatch held;

        @Override
        public void execute(Runnable task) {
            CountDownLatch h = held;
            if (h != null && Thread.currentThread() != test) {
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            queue.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = queue.poll()) != null) {
                task.run();
            }
        }

        void hold() {
            held = new CountDownLatch(1);
        }

        void release() {
            CountDownLatch h = held;
            held = null;
            if (h != null) {
                h.countDown();
            }
        }
    }

    /** Ticks when the test says. */
    private static final class ManualTicker implements Ticker {
        private final List<Runnable> ticking = new CopyOnWriteArrayList<>();

        @Override
        public Ticking every(Duration interval, Runnable tick) {
            Runnable mine = tick::run;
            ticking.add(mine);
            return () -> ticking.remove(mine);
        }

        void tick() {
            ticking.forEach(Runnable::run);
        }

        int active() {
            return ticking.size();
        }
    }

    /**
     * Stands in for the composition's prose area: holds the prose, reports each edit as the area does, and types
     * as it does, in the style of the character before the caret made the writer's ({@link ProseStyle#byWriter}).
     */
    private final class Document implements CompositionText {
        private volatile Prose prose = Prose.EMPTY;

        @Override
        public Prose prose() {
            return prose;
        }

        @Override
        public void show(Prose shown) {
            prose = shown;
        }

        @Override
        public void insert(int at, Prose piece) {
            edit(prose.replace(at, at, piece));
        }

        void type(int at, String text) {
            ProseStyle typed = at == 0 ? ProseStyle.WRITER : styleBefore(at).byWriter();
            edit(prose.replace(at, at, new Prose.Builder().append(text, typed.provenance(), typed.italic(),
                    typed.bold()).build()));
        }

        private ProseStyle styleBefore(int at) {
            int end = 0;
            for (Span s : prose.spans()) {
                end += s.length();
                if (end >= at) {
                    return new ProseStyle(s.italic(), s.bold(), s.provenance());
                }
            }
            return ProseStyle.WRITER;
        }

        private void edit(Prose now) {
            prose = now;
            pane.compositionEdited(now);
        }
    }

    /** Stands in for the scene editor beside the pane. */
    private static final class Host implements SceneHost {
        volatile String text = "";
        final AtomicReference<Prose> replaced = new AtomicReference<>();
        volatile Consumer<Prose> onReplaced = p -> { };

        @Override
        public int caret() {
            return 0;
        }

        @Override
        public int[] selection() {
            return new int[] {0, 0};
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public void saveScene() {
        }

        @Override
        public void sceneReplaced(Prose prose) {
            onReplaced.accept(prose);
            replaced.set(prose);
        }
    }
}
