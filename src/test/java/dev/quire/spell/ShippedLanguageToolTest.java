package dev.quire.spell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LanguageTool works whole with the libraries Quire ships (pom.xml leaves out those only its server uses): the
 * full grammar check runs its sentence splitter, tagger, chunker and rules of every kind, in both Englishes.
 */
class ShippedLanguageToolTest {

    /** One paragraph, each sentence with a point a different kind of rule finds. */
    private static final String TEXT = "He have a apple in his pocket and and the gulls were loud. "
            + "She could of gone yesterday. It was a very unique evening. "
            + "Between you and I, the keeper was late.";

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "en-GB"})
    void grammarCheckingFindsPointsOfEveryKindOfRule(String language) {
        List<SpellFinding> found = Speller.load(language).check(TEXT, KnownWords.NONE, true);

        Set<String> rules = new TreeSet<>();
        found.stream().filter(f -> f.kind() == SpellFinding.Kind.GRAMMAR).forEach(f -> rules.add(f.rule()));
        // a pattern rule over the tagger's and disambiguator's readings, a Java rule with its own word lists, the
        // word-repeat rule, and phrase rules
        assertTrue(rules.containsAll(List.of("HE_VERB_AGR", "EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE",
                "VERY_UNIQUE", "BETWEEN_YOU_AND_I")), rules.toString());
        assertTrue(rules.contains("MODAL_OF") || rules.contains("COULD_OF"), rules.toString());
        SpellFinding an = found.stream().filter(f -> f.rule().equals("EN_A_VS_AN")).findFirst().orElseThrow();
        assertEquals("a", an.text());
        assertTrue(an.suggestions().contains("an"), an.suggestions().toString());
    }

    @Test
    void spellingAloneStillFindsOnlyMisspellings() {
        List<SpellFinding> found = Speller.load("en-GB").check("The colour of teh harbour.", KnownWords.NONE, false);
        assertEquals(List.of("teh"), found.stream().map(SpellFinding::text).toList());
    }

    /**
     * What pom.xml leaves out stays out: a language module added later brings these back through its own
     * languagetool-core unless it is given the same exclusions.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder", // gRPC transport (remote rules)
        "io.grpc.stub.AbstractStub",
        "com.google.protobuf.Message",
        "io.github.resilience4j.circuitbreaker.CircuitBreaker", // around remote rules
        "io.micrometer.core.instrument.MeterRegistry", // server metrics
        "io.prometheus.client.Counter",
        "org.apache.lucene.index.IndexReader", // the n-gram model
        "com.optimaize.langdetect.LanguageDetector", // language guessing
        "com.sun.jna.Native", // Hunspell's native binding
        "org.glassfish.jaxb.runtime.v2.ContextFactory", // JAXB implementations
        "com.sun.xml.bind.v2.ContextFactory",
        "org.apache.commons.math3.util.FastMath", // POI's spreadsheet formulas
    })
    void librariesOnlyLanguageToolsServerUsesAreNotShipped(String className) {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(className, false, getClass().getClassLoader()));
    }
}
