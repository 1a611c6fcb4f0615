package dev.quire.search;

import dev.quire.model.SearchQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fast path for plain text finds exactly what the query's pattern finds. */
class SearchQueryTest {

    @Test
    void plainSearchesAgreeWithTheirPatternWhateverTheOptions() {
        String text = "Marra's marram; MARRA\u2019s \uD83C\uDF0AMarra_x marra9 The the THE theme. İstanbul marra";
        for (String q : List.of("marra", "Marra", "the", "THE", "a", "ra's", "İst")) {
            for (int options = 0; options < 4; options++) {
                SearchQuery query = new SearchQuery(q, false, (options & 1) != 0, (options & 2) != 0);
                assertEquals(SearchQuery.matches(query.pattern(), text),
                        query.matches(query.pattern(), text, SearchQuery.lowered(text)), q + " " + options);
            }
        }
        Random random = new Random(18);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("aAb ,'\n_1".charAt(random.nextInt(9)));
        }
        String noise = b.toString();
        for (String q : List.of("ab", "a a", "Ab", "b,", "a")) {
            for (int options = 0; options < 4; options++) {
                SearchQuery query = new SearchQuery(q, false, (options & 1) != 0, (options & 2) != 0);
                assertEquals(SearchQuery.matches(query.pattern(), noise),
                        query.matches(query.pattern(), noise, SearchQuery.lowered(noise)), q + " " + options);
            }
        }
    }

    @Test
    void aBrokenExpressionSaysWhereItBreaks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SearchQuery("a(b", true, false, false).pattern());
        assertEquals(true, e.getMessage().startsWith("That regular expression does not work"), e.getMessage());
    }
}
