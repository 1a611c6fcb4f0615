package dev.quire.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartupTest {

    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void open() {
        Startup.release();
    }

    @Test
    void outsideAStartUpWorkRunsAtOnce() {
        Startup.afterFirstFrame(() -> ran.add("meter"));
        assertEquals(List.of("meter"), ran);
    }

    @Test
    void whileTheStudioStartsWorkWaitsForTheWindowThenRunsInTheOrderItCame() {
        Startup.hold();
        Startup.afterFirstFrame(() -> ran.add("generate panel"));
        Startup.afterFirstFrame(() -> ran.add("meter"));
        assertEquals(List.of(), ran, "nothing runs before the first frame");

        Startup.release();
        assertEquals(List.of("generate panel", "meter"), ran);

        Startup.afterFirstFrame(() -> ran.add("spelling"));
        assertEquals(List.of("generate panel", "meter", "spelling"), ran, "after it, nothing waits");
    }

    @Test
    void workHeldThatHoldsMoreRunsItToo() {
        Startup.hold();
        Startup.afterFirstFrame(() -> {
            ran.add("panel");
            Startup.afterFirstFrame(() -> ran.add("meter"));
        });
        Startup.release();
        assertEquals(List.of("panel", "meter"), ran);
    }
}
