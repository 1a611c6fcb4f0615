package dev.quire.ui.stitch;

import dev.quire.llm.GenerationHandler;
import dev.quire.studio.Column;
import dev.quire.studio.Generator;
import dev.quire.studio.Mix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request prepared for the pane's columns, ready to send: one request of N variants, or a mixed set with a
 * request per column. Says what each column's header names (provider, model, and how its instruction differs)
 * and what each column asked, for Regenerate.
 */
final class Asking {

    private final Generator.Prepared first;
    private final List<String> sources;
    private final List<Integer> outputLimits;
    private final List<Column> columns;
    private final Generator.Prepared single;
    private final Mix.Prepared mix;

    private Asking(Generator.Prepared first, List<String> sources, List<Integer> outputLimits, List<Column> columns,
                   Generator.Prepared single, Mix.Prepared mix) {
        this.first = first;
        this.sources = sources;
        this.outputLimits = outputLimits;
        this.columns = columns;
        this.single = single;
        this.mix = mix;
    }

    static Asking of(Generator.Prepared prepared) {
        int n = prepared.request().variants();
        return new Asking(prepared, Collections.nCopies(n, source(prepared)),
                Collections.nCopies(n, limit(prepared)), Collections.nCopies(n, null), prepared, null);
    }

    static Asking of(Mix.Prepared mix) {
        List<String> sources = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            Generator.Prepared p = mix.requests().get(i);
            Column c = mix.columns().get(i);
            String difference = c.difference();
            String named = p != null ? source(p) : (mix.provider(i).isEmpty() ? "the story's provider"
                    : mix.provider(i)) + (mix.model(i).isEmpty() ? "" : " · " + mix.model(i));
            sources.add(named + (difference.isEmpty() ? "" : " · " + difference));
            limits.add(p == null ? null : limit(p));
        }
        return new Asking(mix.first(), sources, limits, mix.columns(), null, mix);
    }

    private static String source(Generator.Prepared p) {
        return p.profile().name() + " · " + p.model();
    }

    private static Integer limit(Generator.Prepared p) {
        return p.request().maxOutputTokens() != null ? p.request().maxOutputTokens()
                : Integer.valueOf(p.profile().maxOutputTokens());
    }

    /** The first column's request: what the prompt report shows. */
    Generator.Prepared first() {
        return first;
    }

    /** Whether each column asks its own request. */
    boolean mixed() {
        return mix != null;
    }

    /** How many columns it fills. */
    int size() {
        return sources.size();
    }

    /** The set's instruction, as the writer typed it. */
    String instruction() {
        return mix != null ? mix.set().instruction() : single.instruction();
    }

    /** What column i's header names. */
    String source(int i) {
        return sources.get(Math.min(i, sources.size() - 1));
    }

    Integer outputLimit(int i) {
        return outputLimits.get(Math.min(i, outputLimits.size() - 1));
    }

    /** What column i asked differently from the set; null for a plain request. */
    Column column(int i) {
        return i < columns.size() ? columns.get(i) : null;
    }

    /** Records and sends; see {@link Generator#start}. */
    Generator.Running start(Generator generator, GenerationHandler handler) {
        return mix != null ? generator.start(mix, handler, Runnable::run)
                : generator.start(single, handler, Runnable::run);
    }
}
