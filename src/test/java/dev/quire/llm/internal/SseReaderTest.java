package dev.quire.llm.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseReaderTest {

    /** Hands out at most {@code step} bytes per read, as a slow network does. */
    static InputStream trickle(String text, int step) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, step), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    static List<SseEvent> all(InputStream in) throws IOException {
        SseReader reader = new SseReader(in);
        List<SseEvent> events = new ArrayList<>();
        SseEvent e;
        while ((e = reader.next()) != null) {
            events.add(e);
        }
        return events;
    }

    static final String STREAM = "event: message_start\ndata: {\"a\":1}\n\n"
            + ": OPENROUTER PROCESSING\n\n"
            + "data: first line\ndata: second line\n\n"
            + "event: ping\r\ndata: {\"type\":\"ping\"}\r\n\r\n"
            + "id: 7\nretry: 100\ndata:no space — ünïcödé ✓\n\n"
            + "data: [DONE]\n\n";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void eventsComeOutTheSameHoweverTheBytesAreSplit(int step) throws IOException {
        List<SseEvent> events = all(trickle(STREAM, step));
        assertEquals(List.of(
                new SseEvent("message_start", "{\"a\":1}"),
                new SseEvent(null, "first line\nsecond line"),
                new SseEvent("ping", "{\"type\":\"ping\"}"),
                new SseEvent(null, "no space — ünïcödé ✓"),
                new SseEvent(null, "[DONE]")), events);
    }

    @Test
    void commentLinesAndBlankLinesAloneMakeNoEvents() throws IOException {
        assertEquals(List.of(), all(trickle(": keep-alive\n\n: another\n\n\n\n", 5)));
    }

    @Test
    void bareCarriageReturnsEndLines() throws IOException {
        assertEquals(List.of(new SseEvent("x", "1"), new SseEvent(null, "2")),
                all(trickle("event: x\rdata: 1\r\rdata: 2\r\r", 1)));
    }

    @Test
    void aLastEventWithoutItsBlankLineIsStillReadButMarkedUnterminated() throws IOException {
        SseReader reader = new SseReader(trickle("data: a\n\ndata: {\"cut", 3));
        assertEquals("a", reader.next().data());
        assertFalse(reader.lastEventUnterminated());
        assertEquals("{\"cut", reader.next().data());
        assertTrue(reader.lastEventUnterminated());
        assertNull(reader.next());
    }

    @Test
    void anHtmlPageIsReportedAsNotAnApi() {
        StreamProblem problem = assertThrows(StreamProblem.class,
                () -> all(trickle("\n<!DOCTYPE html><html><body>Bad gateway</body></html>", 4)));
        assertEquals(StreamProblem.Type.NOT_AN_API, problem.type());
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        assertEquals(List.of(new SseEvent(null, "x")), all(trickle("\uFEFFdata: x\n\n", 2)));
    }

    @Test
    void longLinesGrowTheBufferAcrossManyReads() throws IOException {
        String big = "y".repeat(200_000);
        List<SseEvent> events = all(trickle("data: " + big + "\n\ndata: after\n\n", 1000));
        assertEquals(2, events.size());
        assertEquals(big, events.get(0).data());
        assertEquals("after", events.get(1).data());
    }

    @Test
    void eachEventIsAvailableBeforeTheStreamEnds() throws IOException {
        // a stream that never ends: the first event must still come out as soon as its blank line arrived
        byte[] first = "data: early\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos < first.length) {
                    int n = Math.min(len, first.length - pos);
                    System.arraycopy(first, pos, b, off, n);
                    pos += n;
                    return n;
                }
                throw new AssertionError("read past the first event before returning it");
            }
        };
        assertEquals("early", new SseReader(endless).next().data());
    }

    @Test
    void ndjsonLinesComeOutOneByOneSkippingBlankLines() throws IOException {
        NdjsonReader reader = new NdjsonReader(trickle("{\"a\":1}\n\n  \r\n{\"b\":\"ü\"}\n{\"c\":", 3));
        assertEquals("{\"a\":1}", reader.next());
        assertEquals("{\"b\":\"ü\"}", reader.next());
        assertFalse(reader.lastLineUnterminated());
        assertEquals("{\"c\":", reader.next());
        assertTrue(reader.lastLineUnterminated());
        assertNull(reader.next());
    }

    @Test
    void ndjsonThatIsAnHtmlPageIsReportedAsNotAnApi() {
        StreamProblem problem = assertThrows(StreamProblem.class,
                () -> new NdjsonReader(new ByteArrayInputStream("<html>oops</html>".getBytes(StandardCharsets.UTF_8))).next());
        assertEquals(StreamProblem.Type.NOT_AN_API, problem.type());
    }
}
