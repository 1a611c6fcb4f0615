package dev.quire.llm;

import dev.quire.testing.Wire;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackOrderTest {

    final Loopback server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() {
        server.close();
        pool.shutdownNow();
    }

    @Test
    void onAThreadPoolCallbacksStillArriveOneAtATimeAndInOrderPerVariant() throws Exception {
        StringBuilder sse = new StringBuilder(Wire.openAiRole(0));
        for (int i = 0; i < 300; i++) {
            sse.append(Wire.openAiDelta(0, i + ","));
        }
        sse.append(Wire.openAiFinish(0, "stop")).append("data: [DONE]\n\n");
        server.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Wire.sse(sse.toString()).build();
            }
        });
        AtomicBoolean inside = new AtomicBoolean();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        List<String> ends = Collections.synchronizedList(new ArrayList<>());

        GenerationHandler handler = new GenerationHandler() {
            void enter() {
                if (!inside.compareAndSet(false, true)) {
                    problems.add("two callbacks at once");
                }
            }

            @Override
            public void onText(int variant, String delta) {
                enter();
                for (String n : delta.split(",")) {
                    if (!n.isEmpty()) {
                        seen.computeIfAbsent(variant, v -> new ArrayList<>()).add(Integer.parseInt(n));
                    }
                }
                inside.set(false);
            }

            @Override
            public void onVariantFinished(VariantResult result) {
                enter();
                ends.add("v" + result.index());
                inside.set(false);
            }

            @Override
            public void onFinished(List<VariantResult> results) {
                enter();
                ends.add("all");
                inside.set(false);
            }
        };

        List<VariantResult> results = server.provider().stream(ChatRequest.of("s", "u").withVariants(4), handler, pool)
                .done().get(20, TimeUnit.SECONDS);

        assertTrue(problems.isEmpty(), problems::toString);
        for (int v = 0; v < 4; v++) {
            List<Integer> numbers = seen.get(v);
            assertEquals(300, numbers.size());
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i, numbers.get(i), "deltas of variant " + v + " in order");
            }
            assertEquals(VariantResult.Status.COMPLETE, results.get(v).status());
        }
        assertEquals("all", ends.get(ends.size() - 1));
        assertEquals(5, ends.size());
    }
}
