package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndEndsLinesWithCrLf() {
        ReportTable t = new ReportTable(
                "t",
                "T",
                List.of("a", "b"),
                List.of(List.of("plain", "with,comma"), List.of("say \"hi\"", "two\nlines"), List.of(" padded", "")));
        assertThat(Csv.write(t))
                .isEqualTo("a,b\r\nplain,\"with,comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\" padded\",\r\n");
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-3")).isEqualTo("-3");
        assertThat(Csv.field("+1")).isEqualTo("+1");
    }
}
