package dev.quire.studio;

import dev.quire.llm.ChatProvider;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Chapter;
import dev.quire.model.ContentHash;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.Frame;
import dev.quire.prompt.TokenCounter;
import dev.quire.store.SummaryRepository.SceneSummary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Model-written summaries of scenes and chapters, the "summarise" use case. {@link #plan} says what a batch would do
 * (the scenes whose summary is missing or stale, never the writer's own unless asked) and what it would send, without
 * sending anything; {@link #start} runs it as a {@link SummaryBatch}; {@link #summarize} does one scene. Obtained from
 * {@link Studio#summarizer()}.
 *
 * <p>Every request is a generation recorded in the library like any other (its usage is kept), with a frame key
 * starting with "summary": {@code summary} for a scene, {@code summary:combine} for a long scene's parts joined, and
 * {@code summary:chapter}.
 */
public final class Summaries {

    /** The built-in frame a scene is summarised with. */
    public static final String FRAME = "summary";
    /** Why the writer's summaries are kept, in the words a skipped scene reports. */
    public static final String WRITERS = "the writer's summary";

    /**
     * How to summarise.
     *
     * @param provider         a profile name or provider kind; null for the story's provider
     * @param model            null for the profile's default model
     * @param overwriteWriters replace summaries the writer wrote or edited; without it they are never touched
     */
    public record Options(String provider, String model, boolean overwriteWriters) {
        public static final Options DEFAULT = new Options(null, null, false);

        public Options {
            provider = provider == null || provider.isBlank() ? null : provider.strip();
            model = model == null || model.isBlank() ? null : model.strip();
        }
    }

    /** Why a scene is in a plan. */
    public enum Why {
        /** It has no summary. */
        MISSING,
        /** Its text changed after its summary was made. */
        STALE,
        /** Asked for by name, though its summary is up to date. */
        ASKED
    }

    /**
     * A scene a plan will summarise.
     *
     * @param scene    its position in story order, from 1
     * @param tokens   the input tokens its requests will send (estimated)
     * @param requests one, or its parts and the request combining them when it is too long for the model's window
     */
    public record PlannedScene(long sceneId, int scene, String title, Why why, int tokens, int requests) {
    }

    /** A scene a plan leaves alone, and why ({@link #WRITERS}, or that it has no text). */
    public record Skipped(long sceneId, int scene, String title, String reason) {
    }

    /**
     * What a batch will do and send. Nothing has been sent when a plan is made.
     *
     * @param model        the model that will be asked
     * @param chapters     how many chapters are expected to get a summary after the scenes (a chapter whose scenes'
     *                     summaries changed and that has at least two); 0 when {@code withChapters} is false
     * @param requests     how many requests, about (chapters count one each)
     * @param tokens       input tokens the requests will send, estimated from the prompts as built now (the
     *                     combining and chapter requests from a guess at the summaries still to come)
     * @param cost         null: Quire has no price table yet, so the cost is unknown
     * @param withChapters whether chapter summaries follow the scenes' ({@link #plan}, not {@link #planScene})
     */
    public record Plan(long storyId, String storyTitle, String provider, String model, Options options,
                       List<PlannedScene> scenes, List<Skipped> skipped, int chapters, int requests, int tokens,
                       BigDecimal cost, boolean withChapters) {
        public Plan {
            scenes = List.copyOf(scenes);
            skipped = List.copyOf(skipped);
        }

        /** Nothing to send. */
        public boolean isEmpty() {
            return scenes.isEmpty() && chapters == 0;
        }

        /** "cost unknown" while there is no price table, for the writer to read beside the tokens. */
        public String costText() {
            return cost == null ? "cost unknown" : "about $" + cost.toPlainString();
        }
    }

    /** The provider, model, frame and budget every request of a batch uses, resolved once. */
    record Target(Story story, ProviderProfile profile, ChatProvider provider, String model, Frame frame,
                  TokenCounter counter, int budget, int concurrency) {
        String modelName() {
            return model != null ? model : profile.defaultModel();
        }
    }

    private final Studio studio;

    Summaries(Studio studio) {
        this.studio = Objects.requireNonNull(studio, "studio");
    }

    // ---- plans ----

    /**
     * Every scene of the story whose summary is missing or stale, except the writer's (listed as skipped unless
     * {@code options} overwrite them), then the chapters.
     *
     * @throws CannotGenerateException when the story or the provider cannot be found or used
     */
    public Plan plan(long storyId, Options options) {
        Target target = resolve(storyId, options);
        SummaryPrompts prompts = new SummaryPrompts(studio, target);
        List<Scene> scenes = studio.scenes().all(storyId);
        Map<Long, Scene> byId = new HashMap<>();
        scenes.forEach(s -> byId.put(s.id(), s));
        List<SceneSummary> summaries = studio.summaries().list(storyId);
        List<PlannedScene> planned = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (SceneSummary s : summaries) {
            Scene scene = byId.get(s.sceneId());
            Why why = s.missing() ? Why.MISSING : s.stale() ? Why.STALE : null;
            if (scene == null || why == null || scene.prose().text().isBlank()) {
                continue; // up to date, or nothing to summarise yet
            }
            if (why == Why.STALE && s.state().byWriter() && !options.overwriteWriters()) {
                skipped.add(new Skipped(s.sceneId(), s.position() + 1, s.title(), WRITERS));
                continue;
            }
            planned.add(planned(prompts, scene, scenes, why));
        }
        return withChapters(target, prompts, scenes, summaries, planned, skipped, options);
    }

    /**
     * One scene, even when its summary is up to date; skipped when the summary is the writer's (unless
     * {@code options} overwrite it) or the scene has no text. No chapter summary follows.
     *
     * @throws CannotGenerateException when the story, the scene or the provider cannot be found or used
     */
    public Plan planScene(long storyId, long sceneId, Options options) {
        Target target = resolve(storyId, options);
        List<Scene> scenes = studio.scenes().all(storyId);
        Scene scene = scenes.stream().filter(s -> s.id() == sceneId).findFirst().orElseThrow(() ->
                new CannotGenerateException(CannotGenerateException.Reason.NO_SUCH_SCENE, "“"
                        + target.story().title() + "” has no scene with id " + sceneId + "."));
        SceneSummary s = studio.summaries().get(sceneId).orElseThrow();
        List<PlannedScene> planned = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (scene.prose().text().isBlank()) {
            skipped.add(new Skipped(sceneId, s.position() + 1, s.title(), "the scene has no text yet"));
        } else if (!s.missing() && s.state().byWriter() && !options.overwriteWriters()) {
            skipped.add(new Skipped(sceneId, s.position() + 1, s.title(), WRITERS));
        } else {
            Why why = s.missing() ? Why.MISSING : s.stale() ? Why.STALE : Why.ASKED;
            planned.add(planned(new SummaryPrompts(studio, target), scene, scenes, why));
        }
        int tokens = planned.stream().mapToInt(PlannedScene::tokens).sum();
        int requests = planned.stream().mapToInt(PlannedScene::requests).sum();
        return new Plan(storyId, target.story().title(), target.profile().name(), target.modelName(), options,
                planned, skipped, 0, requests, tokens, null, false);
    }

    private static PlannedScene planned(SummaryPrompts prompts, Scene scene, List<Scene> scenes, Why why) {
        SummaryPrompts.Estimate estimate;
        try {
            estimate = prompts.estimate(scene, scenes);
        } catch (IllegalStateException tooSmallAWindow) {
            estimate = new SummaryPrompts.Estimate(0, 0); // it will fail at once, saying why, sending nothing
        }
        return new PlannedScene(scene.id(), scene.position() + 1, scene.title(), why, estimate.tokens(),
                estimate.requests());
    }

    /** The plan with the chapters whose scenes' summaries will have changed once the planned scenes are done. */
    private Plan withChapters(Target target, SummaryPrompts prompts, List<Scene> scenes,
                              List<SceneSummary> summaries, List<PlannedScene> planned, List<Skipped> skipped,
                              Options options) {
        long storyId = target.story().id();
        Set<Long> toDo = new HashSet<>();
        planned.forEach(p -> toDo.add(p.sceneId()));
        Map<Long, Long> sceneChapters = studio.chapters().sceneChapters(storyId);
        int chapters = 0;
        int tokens = planned.stream().mapToInt(PlannedScene::tokens).sum();
        for (Chapter chapter : studio.chapters().list(storyId)) {
            if (chapter.summaryByWriter() && !options.overwriteWriters()) {
                continue;
            }
            List<String> known = new ArrayList<>();
            int toCome = 0;
            for (SceneSummary s : summaries) {
                if (Objects.equals(sceneChapters.get(s.sceneId()), chapter.id())) {
                    if (toDo.contains(s.sceneId())) {
                        toCome++;
                    } else if (!s.missing()) {
                        known.add(s.summary());
                    }
                }
            }
            boolean changed = toCome > 0 || !ContentHash.of(chapterSource(known)).equals(chapter.summarySourceHash());
            if (known.size() + toCome >= 2 && changed) {
                chapters++;
                tokens += prompts.estimateChapter(chapter, scenes, known, toCome);
            }
        }
        int requests = planned.stream().mapToInt(PlannedScene::requests).sum() + chapters;
        return new Plan(storyId, target.story().title(), target.profile().name(), target.modelName(), options,
                planned, skipped, chapters, requests, tokens, null, true);
    }

    /**
     * What a chapter's summary is made from, and what its source hash is of: its scenes' summaries in story order,
     * each stripped, separated by a blank line.
     */
    static String chapterSource(List<String> sceneSummaries) {
        List<String> stripped = new ArrayList<>();
        sceneSummaries.forEach(s -> stripped.add(s.strip()));
        return String.join("\n\n", stripped);
    }

    // ---- running ----

    /**
     * Starts the plan: its scenes, then (for a {@link #plan whole-story plan}) its chapters. Returns at once; the
     * listener hears progress on {@code callbacks}, one call at a time and in order.
     *
     * @throws CannotGenerateException when the provider can no longer be used
     */
    public SummaryBatch start(Plan plan, SummaryBatch.Listener listener, Executor callbacks) {
        Objects.requireNonNull(plan, "plan");
        Target target = resolve(plan.storyId(), plan.options());
        return SummaryBatch.start(studio, target, plan, listener == null ? SummaryBatch.Listener.NONE : listener,
                Objects.requireNonNull(callbacks, "callbacks"));
    }

    /**
     * Summarises one scene ({@link #planScene}), in parts when it is too long for the model's window. Its result's
     * only scene says how it went: summarised (and saved), skipped (the writer's), failed (the old summary kept and
     * marked with why) or cancelled.
     */
    public SummaryBatch summarize(long storyId, long sceneId, Options options) {
        return summarize(storyId, sceneId, options, SummaryBatch.Listener.NONE, Runnable::run);
    }

    /** As {@link #summarize(long, long, Options)}, with a listener called on {@code callbacks}. */
    public SummaryBatch summarize(long storyId, long sceneId, Options options, SummaryBatch.Listener listener,
                                  Executor callbacks) {
        return start(planScene(storyId, sceneId, options), listener, callbacks);
    }

    /** The story's provider (or the one named), the summary frame, the token counter and the budget. */
    Target resolve(long storyId, Options options) {
        Options o = options == null ? Options.DEFAULT : options;
        // resolving through the generator refuses exactly as generating would: no provider, an unusable one…
        Generator.Prepared probe = studio.generator().prepare(GenerationRequest.builder(storyId, SummaryPrompts.WHOLE)
                .frame(FRAME).provider(o.provider()).model(o.model()).build());
        ProviderProfile profile = probe.profile();
        return new Target(probe.story(), profile, studio.providers().provider(profile), o.model(), probe.frame(),
                Prompts.counter(profile, o.model()), Prompts.budget(profile, null),
                studio.providerTimeouts().concurrency());
    }
}
