package dev.quire.ui.editor;

import dev.quire.model.Prose;
import dev.quire.model.Provenance;
import dev.quire.ui.prose.ProseArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The editor gives back exactly the prose it was given, so opening a scene never rewrites it. */
class ProseAreaTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void proseReadsBackExactlyAsLoadedAcrossParagraphsStylesAndVariants() throws Exception {
        Provenance b = Provenance.variant("B", 7L);
        Prose loaded = new Prose.Builder()
                .append("The gauge read ", b, false, false)
                .append("eleven point four", b, true, false)
                .append("\n")
                .append("She did not round.", Provenance.WRITER, false, true)
                .append("\n")
                .append("Across the creek a hand went up.", Provenance.variant("C", 8L), true, false)
                .build();

        Prose readBack = WaitForAsyncUtils.asyncFx(() -> {
            ProseArea area = new ProseArea();
            area.setProse(loaded);
            return area.prose();
        }).get(30, TimeUnit.SECONDS);

        assertEquals(loaded, readBack);
    }
}
