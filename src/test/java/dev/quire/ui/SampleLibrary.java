package dev.quire.ui;

import dev.quire.model.CharacterSheet;
import dev.quire.model.SceneHeader;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real library on disk, opened with the sample story, and a {@link Background#direct()} whose
 * reads and results run on the calling thread. Writes still go to the single writer thread;
 * {@link #settle()} waits until everything queued there has run.
 */
public final class SampleLibrary implements AutoCloseable {

    private final Studio studio;
    private final Background background = Background.direct();
    private final SaveStatus status = new SaveStatus(Runnable::run);

    private SampleLibrary(Studio studio) {
        this.studio = studio;
    }

    public static SampleLibrary open(Path dir) {
        return new SampleLibrary(Studio.open(dir, Studio.NewLibrary.WITH_SAMPLE));
    }

    public Studio studio() {
        return studio;
    }

    public Background background() {
        return background;
    }

    public SaveStatus status() {
        return status;
    }

    /** The sample story: the only story in a new library. */
    public StorySummary story() {
        List<StorySummary> stories = studio.stories().list();
        if (stories.size() != 1) {
            throw new IllegalStateException("expected the sample story alone, found " + stories);
        }
        return stories.get(0);
    }

    public long storyId() {
        return story().id();
    }

    public List<SceneHeader> headers() {
        return studio.scenes().headers(storyId());
    }

    public List<CharacterSheet> characters() {
        return studio.characters().list(storyId());
    }

    /**
     * Waits for every write queued so far, and the results it handed back, to finish. The writer
     * runs one job at a time in order, so an empty job queued behind them is a barrier.
     */
    public void settle() {
        try {
            background.writer().submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the writer thread did not finish its queued work", e);
        }
    }

    @Override
    public void close() {
        background.close();
        studio.close();
    }
}
