package dev.quire.studio;

import dev.quire.model.Chapter;
import dev.quire.model.ContentHash;
import dev.quire.store.SummaryRepository.SceneSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which chapters get a summary after their scenes': a chapter whose scenes' summaries changed (the hash of them
 * joined differs from what its summary was made from) and that has at least two.
 */
final class SummaryChapters {

    private SummaryChapters() {
    }

    /**
     * A chapter with its scenes' summaries as they stand, in story order.
     *
     * @param hash        the {@link ContentHash} of {@link Summaries#chapterSource what a summary is made from}
     * @param failedScene "scene N" when a scene of it is in {@code failedScenes}, else null
     */
    record Due(Chapter chapter, List<String> summaries, String hash, String failedScene) {
    }

    /** The story's chapters whose summary no longer matches their scenes' summaries, of which they have two. */
    static List<Due> due(Studio studio, long storyId, Set<Long> failedScenes) {
        List<SceneSummary> all = studio.summaries().list(storyId);
        Map<Long, Long> sceneChapters = studio.chapters().sceneChapters(storyId);
        List<Due> due = new ArrayList<>();
        for (Chapter chapter : studio.chapters().list(storyId)) {
            List<String> summaries = new ArrayList<>();
            String failedScene = null;
            for (SceneSummary s : all) {
                if (Objects.equals(sceneChapters.get(s.sceneId()), chapter.id())) {
                    if (!s.missing()) {
                        summaries.add(s.summary());
                    }
                    if (failedScenes.contains(s.sceneId()) && failedScene == null) {
                        failedScene = "scene " + (s.position() + 1);
                    }
                }
            }
            String hash = ContentHash.of(Summaries.chapterSource(summaries));
            if (summaries.size() >= 2 && !hash.equals(chapter.summarySourceHash())) {
                due.add(new Due(chapter, summaries, hash, failedScene));
            }
        }
        return due;
    }

    /** Why a due chapter is left alone: the writer's summary, or a scene's that failed; null to summarise it. */
    static String skip(Due due, boolean overwriteWriters) {
        if (due.chapter().summaryByWriter() && !overwriteWriters) {
            return Summaries.WRITERS;
        }
        return due.failedScene() == null ? null : "the summary of " + due.failedScene() + " failed; the chapter's "
                + "is made once every scene has one";
    }

    /** Keeps what the model made, unless the writer's summary appeared meanwhile. */
    static SummaryBatch.ChapterOutcome save(Studio studio, Due due, SummaryRequests.Reply reply,
                                            boolean overwriteWriters) {
        Chapter c = due.chapter();
        return switch (reply.kind()) {
            case CANCELLED -> outcome(c, SummaryBatch.Status.CANCELLED, "", "");
            case FAILED -> outcome(c, SummaryBatch.Status.FAILED, "", reply.text());
            case TEXT -> studio.chapters().saveMadeSummary(c.id(), reply.text(), due.hash(), overwriteWriters)
                    ? outcome(c, SummaryBatch.Status.SUMMARISED, reply.text(), "")
                    : outcome(c, SummaryBatch.Status.SKIPPED, "", Summaries.WRITERS);
        };
    }

    static SummaryBatch.ChapterOutcome outcome(Chapter c, SummaryBatch.Status status, String summary, String reason) {
        return new SummaryBatch.ChapterOutcome(c.id(), c.label(), status, summary, reason);
    }
}
