package dev.quire.cliche;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phrases the writer cut from three variants are proposed; fewer, kept or already avoided ones are not. */
class ProposalsTest {

    @Test
    void aPhraseCutFromThreeVariantsIsProposedOnce() {
        List<String> cut = List.of(
                "Ruth felt the weight of unspoken words between them. The kettle sang.",
                "The weight of unspoken words hung there. Gulls cried over the harbour wall.",
                "She let the weight of unspoken words settle. Gulls cried over the roofs.",
                "Nothing here but the tide.");
        List<Proposals.Proposal> proposed = Proposals.find(cut, List.of("Ruth shut the door."), List.of());
        assertEquals(List.of(new Proposals.Proposal("weight of unspoken words", 3)), proposed,
                "the longest phrase, not its pieces; 'Gulls cried over' was cut from only two");
    }

    @Test
    void keptOrAvoidedPhrasesAreNotProposed() {
        List<String> cut = List.of("the weight of unspoken words", "the weight of unspoken words.",
                "A weight of unspoken words.");
        assertTrue(Proposals.find(cut, List.of("In the end the weight of unspoken words broke her."), List.of())
                .isEmpty(), "the writer kept it in a scene");
        assertTrue(Proposals.find(cut, List.of(), List.of("Weight of unspoken words")).isEmpty(), "already avoided");
    }

    @Test
    void whatTheWriterKeptIsNotCut() {
        String variant = "The lamp had gone out. A shiver ran down her spine. Ruth waited.";
        assertEquals("A shiver ran down her spine.\n", Proposals.cut(variant, "The lamp had gone out. Ruth waited."));
    }
}
