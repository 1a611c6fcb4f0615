package dev.quire.llm.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {

    @Test
    void secondsMillisecondsAndHttpDatesAreUnderstood() {
        assertEquals(Duration.ofSeconds(120), Errors.retryAfter("120", null));
        assertEquals(Duration.ZERO, Errors.retryAfter("0", null));
        assertEquals(Duration.ofMillis(1500), Errors.retryAfter("1.5", null));
        assertEquals(Duration.ofMillis(250), Errors.retryAfter("9", "250"), "retry-after-ms is more precise");
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration d = Errors.retryAfter(inTenSeconds, null);
        assertTrue(d.compareTo(Duration.ofSeconds(8)) >= 0 && d.compareTo(Duration.ofSeconds(10)) <= 0, d::toString);
    }

    @Test
    void absentOrUnreadableValuesMeanNoAdvice() {
        assertNull(Errors.retryAfter(null, null));
        assertNull(Errors.retryAfter("  ", null));
        assertNull(Errors.retryAfter("soon", null));
        assertEquals(Duration.ZERO, Errors.retryAfter("-5", null));
    }
}
