package dev.quire.llm.internal.openai;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.llm.internal.StreamSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What arrives beside the prose: reasoning details, refusals and a content filter that names its category. */
class AsidesTest {

    static final class Collected implements StreamSink {
        final StringBuilder text = new StringBuilder();
        final StringBuilder thinking = new StringBuilder();
        final StringBuilder refusal = new StringBuilder();
        String filter;
        String stop;

        @Override
        public void text(int choice, String delta) {
            if (delta != null) {
                text.append(delta);
            }
        }

        @Override
        public void thinking(int choice, String delta) {
            thinking.append(delta);
        }

        @Override
        public void refusal(int choice, String delta) {
            refusal.append(delta);
        }

        @Override
        public void filtered(int choice, String name) {
            filter = name;
        }

        @Override
        public void stopReason(int choice, String reason) {
            stop = reason;
        }

        @Override
        public void usage(Usage usage) {
        }

        @Override
        public void end() {
        }
    }

    private static Collected decode(String sse) throws IOException {
        Collected sink = new Collected();
        OpenAiFormat.compatible(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE))
                .decode(new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    @Test
    void reasoningDetailsAndReasoningAreThinkingNotProse() throws IOException {
        Collected c = decode("data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"Weigh the tide. \","
                + "\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"Then the cup.\"},"
                + "{\"type\":\"reasoning.encrypted\",\"data\":\"xyz\"}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The cup was gone.\"},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");

        assertEquals("The cup was gone.", c.text.toString());
        assertEquals("Weigh the tide. Then the cup.", c.thinking.toString());
        assertEquals(VariantResult.Status.COMPLETE, VariantResult.outcomeOf(c.stop, null, c.filter));
    }

    @Test
    void aContentFilterIsNamedByTheCategoriesItFiltered() throws IOException {
        Collected c = decode("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"He raised the\"},"
                + "\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"}},"
                + "\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"content_filter_results\":{\"violence\":"
                + "{\"filtered\":true,\"severity\":\"high\"},\"self_harm\":{\"filtered\":true,\"severity\":\"medium\"}},"
                + "\"finish_reason\":\"content_filter\"}]}\n\ndata: [DONE]\n\n");

        assertEquals("He raised the", c.text.toString());
        assertEquals("violence, self harm", c.filter);
        assertEquals(VariantResult.Status.FILTERED, VariantResult.outcomeOf(c.stop, null, c.filter));
    }

    @Test
    void outcomesFollowTheProvidersOwnWords() {
        assertEquals(VariantResult.Status.CUT_OFF, VariantResult.outcomeOf("max_tokens", null, null));
        assertEquals(VariantResult.Status.CUT_OFF, VariantResult.outcomeOf("length", null, null));
        assertEquals(VariantResult.Status.REFUSED, VariantResult.outcomeOf("refusal", null, null));
        assertEquals(VariantResult.Status.REFUSED, VariantResult.outcomeOf("stop", "I can't.", null));
        assertEquals(VariantResult.Status.FILTERED, VariantResult.outcomeOf("content_filter", null, null));
        assertEquals(VariantResult.Status.COMPLETE, VariantResult.outcomeOf("stop_sequence", null, null));
        assertEquals(VariantResult.Status.COMPLETE, VariantResult.outcomeOf(null, null, null));
        assertNull(new VariantResult(0, "x", VariantResult.Status.COMPLETE, "stop", null, null, "", "", null, null)
                .refusal(), "an empty refusal is none");
    }
}
