package dev.quire.prompt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counting line by line, and remembering the long lines, gives exactly the count of the whole text. */
class LineCountsTest {

    private static final String[] BITS = {"The tide came in", " over the flats", ".", ",", "!", "?", " ", "  ",
            "\t", "\n", "\n\n", "\r\n", " \n", "\n ", "\n/", "/", "x/", "\n123", "4567", "\n'", "'s", "'ll",
            "“Mara,” she said", "—", "…", "\n## Scene 3: The Ledger", "\n- a fact", "語", "\n語る", "я", "\nЯков",
            "e\u0301", "\n\u0301", "😀", "\n😀", "<|endoftext|>", "\n\n\n", "A", "\nB", "\n9", "#", "  \n\nC"};

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4-turbo"})
    void theCountIsExactlyTheWholeTextsCountColdOrKept(String model) {
        TokenCounter.Tiktoken counter = (TokenCounter.Tiktoken) TokenCounter.openAi(model);
        Random random = new Random(7);
        for (int t = 0; t < 300; t++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(400);
            for (int i = 0; i < pieces; i++) {
                sb.append(BITS[random.nextInt(BITS.length)]);
            }
            String text = sb.toString();
            int expected = counter.countAfresh(text);
            assertEquals(expected, counter.count(text), "cold: " + text);
            assertEquals(expected, counter.count(text), "kept: " + text);
            assertEquals(expected, counter.count(new String(text.toCharArray())), "an equal text: " + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4-turbo"})
    void aLongStoryCountsTheSameAsAWholeAndPieceByPiece(String model) {
        TokenCounter.Tiktoken counter = (TokenCounter.Tiktoken) TokenCounter.openAi(model);
        String scene = Fixture.prose("SCENE", 3000);
        String prompt = "# The story so far\n\n## Scene 1: One\n\n" + scene + "\n\n## Scene 2: Two\n\n" + scene;

        assertEquals(counter.countAfresh(scene), counter.count(scene));
        assertEquals(counter.countAfresh(prompt), counter.count(prompt));
    }
}
