package dev.quire.llm.internal.openai;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Usage;
import dev.quire.llm.internal.Json;
import dev.quire.llm.internal.StreamSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code delta.content} as a string or as an array of parts; thinking and reasoning are never prose. */
class ContentPartsTest {

    static final class Collected implements StreamSink {
        final Map<Integer, StringBuilder> text = new TreeMap<>();
        final Map<Integer, String> stops = new TreeMap<>();
        boolean ended;

        @Override
        public void text(int choice, String delta) {
            if (delta != null) {
                text.computeIfAbsent(choice, c -> new StringBuilder()).append(delta);
            }
        }

        @Override
        public void stopReason(int choice, String reason) {
            stops.put(choice, reason);
        }

        @Override
        public void usage(Usage usage) {
        }

        @Override
        public void end() {
            ended = true;
        }

        String text(int choice) {
            StringBuilder sb = text.get(choice);
            return sb == null ? "" : sb.toString();
        }
    }

    static String chunk(int index, String delta, String finish) {
        return "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index + ",\"delta\":" + delta
                + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    static Collected decode(String sse) throws IOException {
        Collected sink = new Collected();
        OpenAiFormat.compatible(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE))
                .decode(new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    @Test
    void textPartsAreProseAndThinkingPartsAreNot() throws IOException {
        Collected sink = decode(chunk(0, "{\"role\":\"assistant\",\"content\":\"\"}", null)
                + chunk(0, "{\"content\":[{\"type\":\"thinking\",\"thinking\":[{\"type\":\"text\",\"text\":\"hmm\"}],"
                        + "\"closed\":true}]}", null)
                + chunk(0, "{\"content\":[{\"type\":\"thinking\",\"thinking\":[{\"type\":\"text\",\"text\":\"1.\"}]},"
                        + "{\"type\":\"text\",\"text\":\"3\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}},"
                        + "\"é\",{\"text\":\"untyped\"},null,42,[]]}", null)
                + chunk(0, "{\"content\":\"91\",\"reasoning\":\"r\",\"reasoning_content\":\"rc\","
                        + "\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"rd\"}],\"refusal\":null,"
                        + "\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}", "stop")
                + "data: [DONE]\n\n");

        assertEquals("3é91", sink.text(0));
        assertEquals("stop", sink.stops.get(0));
        assertTrue(sink.ended);
    }

    @Test
    void partsKeepTheirChoice() throws IOException {
        Collected sink = decode(chunk(1, "{\"content\":[{\"type\":\"text\",\"text\":\"b\"}]}", null)
                + chunk(0, "{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"a\"}]}", null)
                + chunk(0, "{\"content\":[]}", "stop") + "data: [DONE]\n\n");

        assertEquals("aa", sink.text(0));
        assertEquals("b", sink.text(1));
    }

    @Test
    void aWholeReplyWithContentPartsKeepsOnlyItsText() {
        Collected sink = new Collected();
        boolean decoded = OpenAiFormat.compatible(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE))
                .decodeWhole(Json.parseOrNull("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"thinking\",\"thinking\":[{\"type\":\"text\",\"text\":\"hmm\"}]},"
                        + "{\"type\":\"text\",\"text\":\"Hello\"},\" there\"],\"reasoning_content\":\"rc\"},"
                        + "\"finish_reason\":\"stop\"}]}"), sink);

        assertTrue(decoded);
        assertEquals("Hello there", sink.text(0));
        assertEquals("stop", sink.stops.get(0));
    }
}
