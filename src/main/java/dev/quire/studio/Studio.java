package dev.quire.studio;

import dev.quire.store.CanonRepository;
import dev.quire.store.ChapterRepository;
import dev.quire.store.CharacterRepository;
import dev.quire.store.ConversationRepository;
import dev.quire.store.Database;
import dev.quire.store.FrameRepository;
import dev.quire.store.ContinuationRepository;
import dev.quire.store.GenerationRepository;
import dev.quire.store.LoreRepository;
import dev.quire.store.NoteRepository;
import dev.quire.store.SceneRepository;
import dev.quire.store.ProviderRepository;
import dev.quire.store.SettingsRepository;
import dev.quire.llm.Providers;
import dev.quire.store.StoryRepository;
import dev.quire.store.SummaryRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open library with its repositories. The command line opens one per command; the studio
 * window keeps one open for its lifetime.
 *
 * <p>Threads: the studio owns one streaming executor ({@code quire-stream-N} daemon threads, at most
 * {@value #STREAM_THREADS}, gone when idle) on which every generation and every reply records what
 * streams in, and provider checks run. {@link #close()} lets the saves already waiting finish, for at
 * most {@link #CLOSE_WAIT}, before it closes the library.
 */
public final class Studio implements AutoCloseable {

    /** What to do when the library file does not exist yet. */
    public enum NewLibrary { WITH_SAMPLE, EMPTY }

    /** Enough for the provider checks to run side by side while streams are recorded. */
    static final int STREAM_THREADS = 8;
    /** The most {@link #close()} waits for pending saves (a delayed one is due within a save interval). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger STREAM_THREAD_NUMBERS = new AtomicInteger();

    private final Path dataDir;
    private final Database database;
    private final StoryRepository stories;
    private final SceneRepository scenes;
    private final CharacterRepository characters;
    private final LoreRepository lore;
    private final ConversationRepository conversations;
    private final GenerationRepository generations;
    private final ContinuationRepository continuations;
    private final SettingsRepository settings;
    private final FrameRepository frames;
    private final NoteRepository notes;
    private final Prompts prompts;
    private final ConversationThreads threads;
    private final Stitching stitching;
    private final ProvenanceRepairs provenance;
    private final ProviderSettings providers;
    private final ProviderTuning.Result providerTuning;
    private final ScheduledThreadPoolExecutor streaming;
    private final Generator generator;
    private final ChapterRepository chapters;
    private final CanonRepository canon;
    private final SummaryRepository summaries;
    private final Search search;
    private final dev.quire.store.WordLog wordLog;
    private final Spelling spelling;

    private Studio(Path dataDir, Database database, Map<String, String> env) {
        this.dataDir = dataDir;
        this.database = database;
        this.stories = new StoryRepository(database);
        this.scenes = new SceneRepository(database);
        this.characters = new CharacterRepository(database);
        this.lore = new LoreRepository(database);
        this.conversations = new ConversationRepository(database);
        this.generations = new GenerationRepository(database);
        this.continuations = new ContinuationRepository(database);
        this.settings = new SettingsRepository(database);
        this.frames = new FrameRepository(database);
        this.notes = new NoteRepository(database);
        this.chapters = new ChapterRepository(database);
        this.canon = new CanonRepository(database);
        this.summaries = new SummaryRepository(database);
        this.search = new Search(new dev.quire.store.SearchIndex(database),
                new dev.quire.store.ReplaceRepository(database), scenes);
        this.wordLog = new dev.quire.store.WordLog(database);
        this.prompts = new Prompts(this);
        this.threads = new ConversationThreads(this);
        this.stitching = new Stitching(this);
        this.provenance = new ProvenanceRepairs(this);
        this.providerTuning = ProviderTuning.fromEnvironment(env);
        this.providers = new ProviderSettings(new ProviderRepository(database), settings,
                new KeyVault(LibraryLocation.configDir(env)), env, providerTuning.settings());
        this.streaming = streamingExecutor();
        this.generator = new Generator(this);
        this.spelling = new Spelling(this, new dev.quire.store.DictionaryRepository(database),
                LibraryLocation.configDir(env));
    }

    private static ScheduledThreadPoolExecutor streamingExecutor() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(STREAM_THREADS, r -> {
            Thread t = new Thread(r, "quire-stream-" + STREAM_THREAD_NUMBERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // threads come when streams do and go when they stop: an idle library holds none
        pool.setKeepAliveTime(10, TimeUnit.SECONDS);
        pool.allowCoreThreadTimeOut(true);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /**
     * Opens the library in {@code dataDir}, creating it when there is none. A library created
     * here starts with the sample story unless {@code newLibrary} says otherwise.
     */
    public static Studio open(Path dataDir, NewLibrary newLibrary) {
        return open(dataDir, newLibrary, System.getenv());
    }

    /**
     * As {@link #open(Path, NewLibrary)}, with the environment that provider keys, the config
     * folder ({@code QUIRE_CONFIG_HOME}) and provider timeouts ({@code QUIRE_PROVIDER_STALL_SECONDS},
     * {@code QUIRE_PROVIDER_BACKOFF_MS}, described in {@code ProviderTuning}) are read from.
     */
    public static Studio open(Path dataDir, NewLibrary newLibrary, Map<String, String> env) {
        Path file = LibraryLocation.libraryFile(dataDir);
        Studio[] created = new Studio[1];
        // the sample is added inside the exclusive step that creates the library, by the one process that did
        Database database = Database.open(file, db -> {
            created[0] = new Studio(dataDir, db, env);
            if (newLibrary == NewLibrary.WITH_SAMPLE) {
                SampleStory.addTo(created[0]);
            }
            created[0].settings.put("library.created-by", Version.current());
        });
        // what an interrupted backup or restore left behind
        Staging.sweep(dataDir.toAbsolutePath());
        Staging.sweep(Backups.folder(dataDir.toAbsolutePath()));
        return created[0] != null ? created[0] : new Studio(dataDir, database, env);
    }

    /**
     * Opens an existing library for reading only, even where it cannot be written (a read-only folder or file):
     * nothing is created or changed, and any write fails saying the library is read-only.
     */
    public static Studio openReadOnly(Path dataDir, Map<String, String> env) {
        return new Studio(dataDir, Database.openReadOnly(LibraryLocation.libraryFile(dataDir)), env);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public StoryRepository stories() {
        return stories;
    }

    public SceneRepository scenes() {
        return scenes;
    }

    /** The story's chapters and which scenes each holds. */
    public ChapterRepository chapters() {
        return chapters;
    }

    /** The facts the writer has established: always sent, never trimmed. */
    public CanonRepository canon() {
        return canon;
    }

    /** What is known of each scene's summary: made from what, by whom, stale or not. */
    public SummaryRepository summaries() {
        return summaries;
    }

    /** Story-wide search, and replace across a story with its preview and its undo. */
    public Search search() {
        return search;
    }

    /** A story's word targets, and the words written per day, the writer's apart from the model's. */
    public WordTargets targets() {
        return new WordTargets(settings, wordLog); // it keeps nothing of its own: the library holds its state
    }

    public CharacterRepository characters() {
        return characters;
    }

    public LoreRepository lore() {
        return lore;
    }

    public ConversationRepository conversations() {
        return conversations;
    }

    public ContinuationRepository continuations() {
        return continuations;
    }

    public GenerationRepository generations() {
        return generations;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** The writer's own frames; the built-in ones ship as resources. */
    public FrameRepository frames() {
        return frames;
    }

    /** The writer's "yes, and" notes; the shared ones reach the model through the prompt builder. */
    public NoteRepository notes() {
        return notes;
    }

    /** Brainstorms and scene discussions with the model, and pinning what they establish into the story. */
    public ConversationThreads threads() {
        return threads;
    }

    /** Asks for variants of a scene, a continuation or a rewrite; one for the open library. */
    public Generator generator() {
        return generator;
    }

    /** The continuity check of a scene, and what the writer decided about its findings. */
    public ContinuityCheck continuity() {
        return new ContinuityCheck(this); // it keeps nothing of its own: the library holds its state
    }

    /** The story's author, pen name, contact block and word-count rounding, as exports use them. */
    public Metadata metadata() {
        return new Metadata(this); // it keeps nothing of its own: the library holds its state
    }

    /** What requests used and cost: the price table, spend per day, story and model, the budget caps. */
    public Spending spending() {
        return new Spending(this); // it keeps nothing of its own: the library holds its state
    }

    /** Cliché watch: the story's detector, its scenes scanned, what recurs across its generations, its avoid list. */
    public Cliches cliches() {
        return new Cliches(this); // it keeps nothing of its own: the library holds its state
    }

    /** Spell check: a story's language and dictionary, the personal dictionary, the spellers loaded. */
    public Spelling spelling() {
        return spelling;
    }

    /** Model-written scene and chapter summaries: plan a batch, run it with progress and cancel, or one scene. */
    public Summaries summarizer() {
        return new Summaries(this);
    }

    /** Each scene's stitching pane: variant columns, the composition with its provenance, and accepting it. */
    public Stitching stitching() {
        return stitching;
    }

    /** Scenes whose stored provenance does not match their text: said once when they open, repaired on request. */
    public ProvenanceRepairs provenance() {
        return provenance;
    }

    /** The prompt builder: frames, the preview of what a request sends, and the context meter. */
    public Prompts prompts() {
        return prompts;
    }

    /** Provider profiles, their keys, and which one a story uses. */
    public ProviderSettings providers() {
        return providers;
    }

    /**
     * Where streamed text is recorded and provider checks run. Callbacks that must keep their order go through a
     * {@link dev.quire.llm.SerialExecutor} over it.
     */
    ScheduledExecutorService streaming() {
        return streaming;
    }

    /** Streams that were started and are not yet recorded in full; {@link #close()} waits for them a moment. */
    private final java.util.Set<java.util.concurrent.CompletableFuture<?>> recording =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A stream whose recording completes {@code done}: a stopped one still records what it sent. */
    void recording(java.util.concurrent.CompletableFuture<?> done) {
        recording.add(done);
        done.whenComplete((r, e) -> recording.remove(done));
    }

    /** Timeouts, retries and fan-out bound the providers are made with. */
    Providers.Settings providerTimeouts() {
        return providerTuning.settings();
    }

    /** Why a provider setting in the environment was ignored, if one was; generation refuses until it is fixed. */
    Optional<String> providerTuningProblem() {
        return Optional.ofNullable(providerTuning.problem());
    }

    /**
     * Deletes a story with everything in it, after keeping a copy of the whole library in the
     * backups folder, so a deletion regretted later can still be undone from there.
     */
    public Path deleteStory(long storyId) {
        Path backups = dataDir.resolve("backups");
        try {
            Files.createDirectories(backups);
        } catch (IOException e) {
            throw new dev.quire.store.PersistenceException("Could not create the backups folder " + backups + ": "
                    + e.getMessage() + ". The story was not deleted.", e);
        }
        Path copy = backups.resolve("before-delete-story-" + storyId + "-" + System.currentTimeMillis() + ".db");
        database.backupTo(copy);
        database.transaction("delete the story", () -> {
            stories.delete(storyId);
            metadata().forget(storyId);
            return null;
        });
        return copy;
    }

    /** SQLite's structural check plus Quire's own invariants; an empty list means the library is sound. */
    public List<String> check() {
        return LibraryCheck.run(this);
    }

    /**
     * Repairs what {@link #check()} finds that Quire can repair without guessing: scenes whose provenance does not
     * match their text (each in its own transaction, keeping a revision). SQLite damage is left alone.
     *
     * @return what was repaired, one line each
     */
    public List<String> repair() {
        return LibraryCheck.repair(this);
    }

    /**
     * Closes the library, once the saves already waiting on the streaming executor went in (at most
     * {@link #CLOSE_WAIT}): text that arrived just before is not lost. A stream still going after that records
     * nothing more.
     */
    @Override
    public void close() {
        try {
            // a stream the window has just stopped still sends its last words and its end: record them first
            java.util.concurrent.CompletableFuture.allOf(recording.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
                    .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a stream that failed has recorded its failure; one still going records nothing more after this
        }
        streaming.shutdown(); // delayed saves already scheduled still run
        try {
            streaming.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.close();
        }
    }
}
