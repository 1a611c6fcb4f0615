package dev.quire.llm;

import dev.quire.llm.internal.SseEvent;
import dev.quire.llm.internal.SseReader;
import dev.quire.llm.internal.StreamSink;
import dev.quire.llm.internal.WireFormat;
import dev.quire.llm.internal.anthropic.AnthropicFormat;
import dev.quire.llm.internal.openai.OpenAiFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SSE parsing throughput against merely reading the same bytes line by line, both from memory, in the same run.
 * Target: parsing at least half as fast as reading (ratio ≥ 0.5). Prints figures; fails only if parsing is wrong.
 *
 * <p>Run (its {@code main}, on the test classpath):
 * <pre>
 * mvn -B -Dquire.build.dir=target-llm test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target-llm/cp.txt
 * java -cp target-llm/test-classes:target-llm/classes:$(cat target-llm/cp.txt) dev.quire.llm.SseParsingBenchmark
 * </pre>
 * or as a JUnit test where the {@code bench} group is enabled (the default build excludes it).
 */
@Tag("bench")
class SseParsingBenchmark {

    static final int WARMUP = 5;
    static final int RUNS = 15;

    static final String[] WORDS = ("The lighthouse keeper climbed the stair as the storm came in off the sea, and the "
            + "lamp guttered twice before it caught. She counted the steps — one hundred and twelve — and thought of "
            + "the letter in her coat, still unopened, its seal pressed with a crest she did not know. Outside, the "
            + "gulls had gone quiet. « Encore », murmura-t-elle, über den Wellen, 灯台の光, and the glass hummed.")
            .split(" ");

    @Test
    void sseParsingKeepsUpWithReadingLines() throws IOException {
        run();
    }

    public static void main(String[] args) throws IOException {
        run();
    }

    static void run() throws IOException {
        Random random = new Random(42);
        byte[] anthropic = anthropicStream(random, 250_000);
        byte[] openAi = openAiStream(random, 250_000);
        ProviderProfile profile = ProviderProfile.defaults(ProviderKind.OPENAI);

        System.out.println();
        System.out.println("SSE parsing benchmark (in memory; median of " + RUNS + " runs after " + WARMUP
                + " warm-up runs; Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
        measure("Anthropic Messages stream", anthropic, new AnthropicFormat(ProviderProfile.defaults(ProviderKind.ANTHROPIC)), 1);
        measure("OpenAI stream, n=3 interleaved", openAi, OpenAiFormat.openAi(profile), 3);
    }

    static void measure(String name, byte[] stream, WireFormat format, int choices) throws IOException {
        long expectedChars = decode(stream, format, choices);
        double[] read = new double[RUNS];
        double[] frame = new double[RUNS];
        double[] parse = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            long lines = readLines(stream);
            long t1 = System.nanoTime();
            long events = frameEvents(stream);
            long t2 = System.nanoTime();
            long chars = decode(stream, format, choices);
            long t3 = System.nanoTime();
            assertTrue(lines > events && events > 0);
            assertEquals(expectedChars, chars, "parsing is deterministic");
            if (i >= WARMUP) {
                read[i - WARMUP] = mbPerSecond(stream.length, t1 - t0);
                frame[i - WARMUP] = mbPerSecond(stream.length, t2 - t1);
                parse[i - WARMUP] = mbPerSecond(stream.length, t3 - t2);
            }
        }
        double readMedian = median(read);
        double frameMedian = median(frame);
        double parseMedian = median(parse);
        System.out.printf(Locale.ROOT, "%n%s: %.1f MB, %,d text characters%n", name, stream.length / 1e6, expectedChars);
        System.out.printf(Locale.ROOT, "  read lines (BufferedReader.readLine, UTF-8)   median %7.1f MB/s  (min %.1f, max %.1f)%n",
                readMedian, min(read), max(read));
        System.out.printf(Locale.ROOT, "  SSE framing only (SseReader events)           median %7.1f MB/s  (min %.1f, max %.1f)%n",
                frameMedian, min(frame), max(frame));
        System.out.printf(Locale.ROOT, "  SSE parsing (events + JSON + text per variant) median %7.1f MB/s  (min %.1f, max %.1f)%n",
                parseMedian, min(parse), max(parse));
        System.out.printf(Locale.ROOT, "  ratio parsing / reading: %.2f  (target ≥ 0.50: %s)%n", parseMedian / readMedian,
                parseMedian / readMedian >= 0.5 ? "met" : "NOT met");
    }

    static long readLines(byte[] stream) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(stream),
                StandardCharsets.UTF_8));
        long lines = 0;
        long chars = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lines++;
            chars += line.length();
        }
        return chars >= 0 ? lines : -1;
    }

    static long frameEvents(byte[] stream) throws IOException {
        SseReader reader = new SseReader(new ByteArrayInputStream(stream));
        long events = 0;
        long chars = 0;
        SseEvent event;
        while ((event = reader.next()) != null) {
            events++;
            chars += event.data().length();
        }
        return chars >= 0 ? events : -1;
    }

    /** What the provider does with a stream: text accumulated per variant. Returns the number of text characters. */
    static long decode(byte[] stream, WireFormat format, int choices) throws IOException {
        StringBuilder[] texts = new StringBuilder[choices];
        for (int i = 0; i < choices; i++) {
            texts[i] = new StringBuilder(1 << 20);
        }
        boolean[] ended = new boolean[1];
        format.decode(new ByteArrayInputStream(stream), new StreamSink() {
            @Override
            public void text(int choice, String delta) {
                if (delta != null) {
                    texts[choice].append(delta);
                }
            }

            @Override
            public void stopReason(int choice, String reason) {
            }

            @Override
            public void usage(Usage usage) {
            }

            @Override
            public void end() {
                ended[0] = true;
            }
        });
        assertTrue(ended[0], "the end marker was read");
        long chars = 0;
        for (StringBuilder t : texts) {
            chars += t.length();
        }
        return chars;
    }

    static String delta(Random random) {
        int words = 1 + random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    // Self-contained (no test helpers), so a bench profile can compile this file alone.

    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static byte[] anthropicStream(Random random, int deltas) {
        StringBuilder sb = new StringBuilder()
                .append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",")
                .append("\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",")
                .append("\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n")
                .append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,")
                .append("\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (int i = 0; i < deltas; i++) {
            sb.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,")
                    .append("\"delta\":{\"type\":\"text_delta\",\"text\":").append(quoted(delta(random))).append("}}\n\n");
            if (i % 100 == 99) {
                sb.append("event: ping\ndata: {\"type\": \"ping\"}\n\n");
            }
        }
        sb.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n")
                .append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":")
                .append("\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n")
                .append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String openAiChunk(int index, String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":" + index + ",\"delta\":"
                + (delta == null ? "{}" : "{\"content\":" + quoted(delta) + "}") + ",\"finish_reason\":"
                + (finishReason == null ? "null" : quoted(finishReason)) + "}]}\n\n";
    }

    static byte[] openAiStream(Random random, int deltas) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < deltas; i++) {
            sb.append(openAiChunk(random.nextInt(3), delta(random), null));
        }
        sb.append(openAiChunk(0, null, "stop")).append(openAiChunk(1, null, "stop")).append(openAiChunk(2, null, "length"))
                .append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],")
                .append("\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}}\n\n")
                .append("data: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static double mbPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
