package dev.quire.bench;

import atlantafx.base.theme.PrimerLight;
import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.model.Variant;
import dev.quire.studio.Generator;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.FrameExecutor;
import dev.quire.ui.common.SaveStatus;
import dev.quire.ui.stitch.SceneHost;
import dev.quire.ui.stitch.StitchView;
import dev.quire.ui.stitch.StitchViewModel;
import dev.quire.ui.stitch.VariantColumn;
import javafx.application.Application;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed set of three columns to three different providers on loopback, each speaking its own wire format
 * (Anthropic's Messages SSE, OpenAI-compatible Chat Completions SSE, Ollama's NDJSON), each streaming 1,000 tokens
 * at 200 tokens a second after 200 ms "reading the prompt", into a {@link StitchView} on the FX thread under Monocle.
 *
 * <p>Measured: the longest frame while the columns stream (target ≤ 50 ms, as for one provider), and the time from
 * Generate to the first token of the slowest column. The baseline, in the same run and interleaved with the mixed
 * runs: the same three requests, each sent on its own (a mix of one column to that provider), and the slowest of
 * their three first-token times. One warm-up round, then five measured. Then what
 * preparing the requests costs before anything is sent: three columns against one, off the FX thread.
 *
 * <p>Prints figures and verdicts; fails only when a column's text does not arrive whole.
 */
@Tag("bench")
class MixBenchmark {

    private static final long SEED = 20_241_204L;
    private static final int TOKENS = 1_000;
    private static final int TOKENS_PER_SECOND = 200;
    private static final long FIRST_TOKEN_MILLIS = 200;
    private static final int WARMUP_RUNS = 1;
    private static final int RUNS = 5;
    private static final double FRAME_TARGET_MS = 50;
    private static final List<String> PROVIDERS = List.of("claude", "openai", "llama");
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;

    @TempDir
    static Path dir;

    private record Pane(Stage stage, FrameProbe probe, StitchViewModel model) {
    }

    /** One generation: the longest frame while streaming, and each column's time to first token, in ms. */
    private record Run(double longestFrameMs, double[] firstTokenMs) {
        double slowestFirstToken() {
            return Arrays.stream(firstTokenMs).max().orElse(Double.NaN);
        }
    }

    @Test
    void threeColumnsToThreeProvidersStreamAtOnce() throws Exception {
        List<List<String>> texts = StitchBenchmark.variantTokens(TOKENS, SEED);
        try (PacedSseServer claude = new PacedSseServer(List.of(texts.get(0)), TOKENS_PER_SECOND,
                PacedSseServer.Format.ANTHROPIC, FIRST_TOKEN_MILLIS);
             PacedSseServer openai = new PacedSseServer(List.of(texts.get(1)), TOKENS_PER_SECOND,
                     PacedSseServer.Format.OPENAI, FIRST_TOKEN_MILLIS);
             PacedSseServer llama = new PacedSseServer(List.of(texts.get(2)), TOKENS_PER_SECOND,
                     PacedSseServer.Format.OLLAMA, FIRST_TOKEN_MILLIS);
             Studio studio = Studio.open(dir.resolve("mix"), Studio.NewLibrary.EMPTY, ownConfig());
             Background background = Background.create()) {
            Story story = studio.stories().create(Story.titled("The Lantern Quay"));
            Scene scene = studio.scenes().append(new Scene(0, story.id(), 0, "The lamps go out",
                    new StoryText(SEED).scene(1_500), "Mara keeps the lamps; one night they fail.", null, List.of(),
                    false, null));
            studio.providers().save(new ProviderProfile("claude", ProviderKind.ANTHROPIC, claude.root(),
                    "claude-bench", 200_000, 2_000), null);
            studio.providers().storeKey("claude", ApiKey.of("sk-ant-bench-0123456789"));
            studio.providers().save(new ProviderProfile("openai", ProviderKind.OPENAI_COMPATIBLE, openai.baseUrl(),
                    "gpt-bench", 128_000, 2_000), null);
            studio.providers().save(new ProviderProfile("llama", ProviderKind.OLLAMA, llama.root(),
                    "llama-bench", 8_192, 2_000), null);
            studio.providers().setDefaultProfile("openai");

            if (System.getProperty("headless.geometry") == null) {
                System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
            }
            FxThread.start();
            Pane pane = FxThread.call(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                StackPane root = new StackPane();
                root.getStyleClass().addAll("quire-root", "theme-light");
                javafx.scene.Scene fxScene = new javafx.scene.Scene(root,
                        Math.min(WIDTH, javafx.stage.Screen.getPrimary().getBounds().getWidth()),
                        Math.min(HEIGHT, javafx.stage.Screen.getPrimary().getBounds().getHeight()));
                fxScene.getStylesheets().add(MixBenchmark.class.getResource("/dev/quire/ui/quire.css")
                        .toExternalForm());
                Stage stage = new Stage();
                stage.setScene(fxScene);
                stage.show();
                FrameProbe probe = new FrameProbe(fxScene);
                FrameExecutor frames = new FrameExecutor();
                StitchViewModel model = new StitchViewModel(studio, new Generator(studio), background,
                        new SaveStatus(background.results()), probe.timed(frames), frames, scene.id());
                model.attach(SceneHost.NONE);
                StitchView view = new StitchView(model);
                model.load(story.id());
                root.getChildren().setAll(view);
                return new Pane(stage, probe, model);
            });
            FrameProbe probe = pane.probe();
            StitchViewModel model = pane.model();
            await(FxThread.call(() -> probe.when(() -> model.loadedProperty().get())), "the stitching pane loads");
            FxThread.call(() -> {
                model.instructionProperty().set("Mara walks the quay as the lamps go out one by one; she does not"
                        + " run, and she does not look back at the harbour.");
                model.options().mix().onProperty().set(true);
                return null;
            });

            System.out.println("\n[bench] M. A mixed set: three columns to three providers (Anthropic, "
                    + "OpenAI-compatible, Ollama wire formats on loopback), " + TOKENS + " tokens each at "
                    + TOKENS_PER_SECOND + " tokens/s after " + FIRST_TOKEN_MILLIS + " ms to the first token; "
                    + "baseline: the same requests one per provider on its own, interleaved");
            List<Run> mixed = new ArrayList<>();
            List<Run> alone = new ArrayList<>();
            for (int round = 0; round < WARMUP_RUNS + RUNS; round++) {
                boolean counted = round >= WARMUP_RUNS;
                Run m = generate(probe, model, PROVIDERS, texts);
                double[] solo = new double[PROVIDERS.size()];
                double soloLongest = 0;
                for (int p = 0; p < PROVIDERS.size(); p++) {
                    Run one = generate(probe, model, List.of(PROVIDERS.get(p)), List.of(texts.get(p)));
                    solo[p] = one.firstTokenMs()[0];
                    soloLongest = Math.max(soloLongest, one.longestFrameMs());
                }
                Run s = new Run(soloLongest, solo);
                System.out.printf(Locale.ROOT, "  %-8s mixed: longest frame %.1f ms, first token A/B/C %s ms "
                                + "(slowest %.0f) · alone: longest frame %.1f ms, first token %s ms (slowest %.0f)%n",
                        counted ? "run " + (round - WARMUP_RUNS + 1) : "warm-up", m.longestFrameMs(),
                        ms(m.firstTokenMs()), m.slowestFirstToken(), s.longestFrameMs(), ms(s.firstTokenMs()),
                        s.slowestFirstToken());
                if (counted) {
                    mixed.add(m);
                    alone.add(s);
                }
            }
            double longest = median(mixed.stream().mapToDouble(Run::longestFrameMs).toArray());
            double longestAlone = median(alone.stream().mapToDouble(Run::longestFrameMs).toArray());
            double slowest = median(mixed.stream().mapToDouble(Run::slowestFirstToken).toArray());
            double slowestAlone = median(alone.stream().mapToDouble(Run::slowestFirstToken).toArray());
            System.out.printf(Locale.ROOT, "  medians: longest frame while streaming %.1f ms (alone %.1f ms; target"
                            + " ≤ %.0f ms: %s)%n", longest, longestAlone, FRAME_TARGET_MS,
                    longest <= FRAME_TARGET_MS ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "  medians: first token of the slowest column %.0f ms mixed vs %.0f ms "
                            + "alone; ratio %.2f (%s)%n", slowest, slowestAlone, slowest / slowestAlone,
                    slowest <= slowestAlone * 1.05 ? "no worse" : "WORSE");
            // before anything is sent, every column's prompt is built and fitted to its model: three against one
            Generator generator = new Generator(studio);
            dev.quire.studio.GenerationRequest set = dev.quire.studio.GenerationRequest.builder(story.id(),
                    "Mara walks the quay as the lamps go out.").scene(1).build();
            List<dev.quire.studio.Column> three = PROVIDERS.stream().map(p -> new dev.quire.studio.Column(p, null,
                    null, null, dev.quire.studio.Column.Instruction.SAME, "")).toList();
            double[] prepThree = new double[15];
            double[] prepOne = new double[15];
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                generator.prepareEach(set, three);
                long t1 = System.nanoTime();
                generator.prepareEach(set, three.subList(0, 1));
                long t2 = System.nanoTime();
                if (i >= 5) {
                    prepThree[i - 5] = (t1 - t0) / 1e6;
                    prepOne[i - 5] = (t2 - t1) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "  medians: preparing the requests %.1f ms for three columns, %.1f ms "
                    + "for one%n", median(prepThree), median(prepOne));
            FxThread.call(() -> {
                pane.stage().hide();
                return null;
            });
        }
    }

    /** The environment, with a config folder of the benchmark's own: the key it stores stays in it. */
    private static java.util.Map<String, String> ownConfig() {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    /** Generates once with one Mix row per provider; waits until every column is stored. */
    private static Run generate(FrameProbe probe, StitchViewModel model, List<String> providers,
                                List<List<String>> expected) throws Exception {
        int n = providers.size();
        long[] pressed = new long[1];
        List<CompletableFuture<Long>> first = new ArrayList<>();
        CompletableFuture<Long> streamed = FxThread.call(() -> {
            model.options().mix().acrossProviders(providers);
            probe.begin();
            pressed[0] = System.nanoTime();
            model.generate();
            for (int i = 0; i < n; i++) {
                int c = i;
                first.add(probe.when(() -> model.columns().size() == n && model.columns().get(c).isStreaming()
                        && !model.columns().get(c).text().isEmpty()).thenApply(v -> System.nanoTime()));
            }
            BooleanSupplier allIn = () -> !model.runningProperty().get() && model.columns().size() == n
                    && model.columns().stream().noneMatch(VariantColumn::isStreaming)
                    && model.columns().stream().allMatch(c -> c.variantId() != null);
            return probe.when(allIn).thenApply(v -> System.nanoTime());
        });
        await(streamed, n + " columns stream in and are stored (problem shown: "
                + FxThread.call(() -> model.problemProperty().get()) + ")");
        int[] left = {30};
        await(FxThread.call(() -> probe.when(() -> --left[0] <= 0)), "30 frames pass");
        FrameProbe.Recording rec = FxThread.call(probe::end);
        List<String> got = FxThread.call(() -> model.columns().stream().map(VariantColumn::text).toList());
        for (int i = 0; i < n; i++) {
            assertEquals(String.join("", expected.get(i)), got.get(i), "column " + i + " holds its provider's text");
        }
        assertTrue(FxThread.call(() -> model.columns().stream()
                .allMatch(c -> c.statusProperty().get() == Variant.Status.COMPLETE)), "every column is complete");
        double[] firstMs = new double[n];
        long firstAny = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long at = first.get(i).get();
            firstMs[i] = (at - pressed[0]) / 1e6;
            firstAny = Math.min(firstAny, at);
        }
        double longest = 0;
        List<FrameProbe.Frame> frames = rec.frames();
        for (int i = 1; i < frames.size(); i++) {
            long start = frames.get(i - 1).start();
            if (start >= firstAny && start <= streamed.get()) {
                longest = Math.max(longest, (frames.get(i).start() - start) / 1e6);
            }
        }
        return new Run(longest, firstMs);
    }

    private static String ms(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : "/").append(Math.round(v));
        }
        return sb.toString();
    }

    private static double median(double[] values) {
        return values.length == 0 ? Double.NaN : new Stats.Sample("", "", values).median();
    }

    private static void await(CompletableFuture<?> f, String what) throws Exception {
        try {
            f.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }
}
