package io.herald.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charts reach the page unescaped, so they escape every label themselves; each bar tells its exact value. */
class SvgChartsTest {

    @Test
    void labelsAreEscapedBecauseTheChartIsInsertedRaw() {
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        values.put("<script>alert(1)</script>", Map.of("12:00", 2));

        String svg = SvgCharts.stacked("Events & more", List.of("12:00"), values);

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;", "Events &amp; more");
    }

    @Test
    void eachStackedPartNamesItsSeriesColumnAndValue() {
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        values.put("/crm", Map.of("12:00", 3));
        values.put("/erp", Map.of("12:00", 1, "12:01", 4));

        String svg = SvgCharts.stacked("Events per minute", List.of("12:00", "12:01"), values);

        assertThat(svg).contains("<title>/crm, 12:00: 3</title>", "<title>/erp, 12:00: 1</title>",
                "<title>/erp, 12:01: 4</title>").startsWith("<svg").endsWith("</svg>");
    }

    @Test
    void percentagesBelowNinetyFiveAreRed() {
        Map<String, Integer> rates = new LinkedHashMap<>();
        rates.put("email", 92);
        rates.put("sms", 100);

        String svg = SvgCharts.percentages("Delivery", rates);

        assertThat(svg).contains("fill=\"#a50e0e\"><title>email: 92%</title>",
                "fill=\"#198754\"><title>sms: 100%</title>");
    }
}
