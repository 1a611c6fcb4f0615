package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.studio.Generator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VariantOutcomesTest {

    @Test
    void aGenerationTheWriterStoppedIsSaidStoppedLikeItsVariants() throws Exception {
        VariantResult stopped = new VariantResult(0, "She reached", VariantResult.Status.CANCELLED, null, Usage.NONE,
                null);
        Generator.Outcome outcome = new Generator.Outcome(7, Generation.Status.CANCELLED, List.of(stopped), Usage.NONE,
                null, null);

        JsonNode json = new ObjectMapper().readTree(VariantOutcomes.json(outcome, List.of()));

        assertEquals("STOPPED", json.get("status").asText());
        assertEquals("STOPPED", json.get("variants").get(0).get("status").asText());
        assertEquals("She reached", json.get("variants").get(0).get("text").asText());
    }

    @Test
    void aCompleteGenerationKeepsItsName() throws Exception {
        VariantResult done = new VariantResult(0, "Done.", VariantResult.Status.COMPLETE, "end_turn", Usage.NONE, null);
        Generator.Outcome outcome = new Generator.Outcome(8, Generation.Status.COMPLETE, List.of(done), Usage.NONE,
                null, null);

        JsonNode json = new ObjectMapper().readTree(VariantOutcomes.json(outcome, List.of()));

        assertEquals("COMPLETE", json.get("status").asText());
        assertEquals("end_turn", json.get("variants").get(0).get("stopReason").asText());
    }
}
