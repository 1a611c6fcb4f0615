package dev.quire.manuscript;

import dev.quire.studio.manuscript.ImportReport;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptReader;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Word file with a chart (its data an embedded spreadsheet) imports with its text, the chart left out and said
 * so: the parts of POI that pom.xml leaves out (spreadsheet formulas, Visio geometry, the old Excel format) are
 * not needed to read one.
 */
class DocxWithChartTest {

    @TempDir
    Path dir;

    @Test
    void aChartIsLeftOutAndTheTextAroundItKept() throws Exception {
        Path file = dir.resolve("with-chart.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("The tide tables, as the keeper drew them.");
            XWPFChart chart = doc.createChart();
            XDDFChartData data = chart.createData(ChartTypes.PIE, null, null);
            data.addSeries(XDDFDataSourcesFactory.fromArray(new String[] {"ebb", "flood"}),
                    XDDFDataSourcesFactory.fromArray(new Double[] {6.2, 6.3}));
            chart.plot(data);
            doc.createParagraph().createRun().setText("Then the lamp was lit.");
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
        }

        Manuscript m = ManuscriptReader.read(file);

        assertEquals(1, m.scenes().size());
        assertEquals("The tide tables, as the keeper drew them.\nThen the lamp was lit.",
                m.scenes().get(0).prose().text());
        assertEquals(1, m.report().count(ImportReport.Item.OBJECTS), m.report().toString());
    }
}
