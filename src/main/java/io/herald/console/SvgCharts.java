package io.herald.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bar charts as inline SVG, drawn on the server so that the console needs no script. Every label is escaped here,
 * because the chart reaches the page unescaped. Each chart carries a title and a description, and each bar a
 * tooltip with its exact value, for screen readers and for people who would rather read the numbers.
 */
final class SvgCharts {

    private static final String[] COLOURS = {"#0a58ca", "#f0a500", "#198754", "#a50e0e", "#6f42c1", "#0dcaf0",
        "#6c757d", "#d63384"};
    private static final int WIDTH = 480;
    private static final int HEIGHT = 170;
    private static final int LEFT = 30;
    private static final int BOTTOM = 30;
    private static final int LABELS = 170;

    private SvgCharts() {
    }

    /**
     * Stacked columns: one per label, one coloured part per series, and a legend naming the series.
     *
     * @param values by series, then by column label; a missing value is 0
     */
    static String stacked(String title, List<String> columns, Map<String, Map<String, Integer>> values) {
        List<String> series = new ArrayList<>(values.keySet());
        int max = 1;
        for (String column : columns) {
            int sum = 0;
            for (String name : series) {
                sum += values.get(name).getOrDefault(column, 0);
            }
            max = Math.max(max, sum);
        }
        int plotHeight = HEIGHT - BOTTOM - 8;
        double slot = columns.isEmpty() ? 0 : (double) (WIDTH - LEFT) / columns.size();
        StringBuilder svg = open(title, HEIGHT + 20 * ((series.size() + 1) / 2));
        svg.append(axis(max, plotHeight));
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            double x = LEFT + c * slot + slot * 0.15;
            double y = HEIGHT - BOTTOM;
            for (int s = 0; s < series.size(); s++) {
                int value = values.get(series.get(s)).getOrDefault(column, 0);
                if (value == 0) {
                    continue;
                }
                double h = (double) value * plotHeight / max;
                y -= h;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s, %s: %d</title></rect>",
                        x, y, slot * 0.7, h, colour(s), escape(series.get(s)), escape(column), value));
            }
            if (columns.size() <= 8 || c % Math.max(1, columns.size() / 5) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" "
                        + "text-anchor=\"middle\">%s</text>", LEFT + c * slot + slot / 2, HEIGHT - BOTTOM + 14,
                        escape(column)));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            int lx = LEFT + (s % 2) * 225;
            int ly = HEIGHT + 2 + 20 * (s / 2);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", lx, ly - 9, colour(s), lx + 14, ly,
                    escape(shorten(series.get(s)))));
        }
        return svg.append("</svg>").toString();
    }

    /** One horizontal bar per label, sized by its share of 100 (a percentage), green from 95 up, red below. */
    static String percentages(String title, Map<String, Integer> percentByLabel) {
        Map<String, String> colours = new java.util.LinkedHashMap<>();
        percentByLabel.forEach((label, value) -> colours.put(label, value >= 95 ? "#198754" : "#a50e0e"));
        return horizontal(title, percentByLabel, 100, "%", colours);
    }

    /** One horizontal bar per label, sized by its share of the largest count, with the count written beside it. */
    static String counts(String title, Map<String, Integer> countByLabel) {
        int max = Math.max(1, countByLabel.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        Map<String, String> colours = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String label : countByLabel.keySet()) {
            colours.put(label, colour(i++));
        }
        return horizontal(title, countByLabel, max, "", colours);
    }

    private static String horizontal(String title, Map<String, Integer> values, int max, String unit,
            Map<String, String> colours) {
        int rows = Math.max(1, values.size());
        StringBuilder svg = open(title, 24 * rows + 8);
        int barWidth = WIDTH - LABELS - 50;
        int row = 0;
        for (Map.Entry<String, Integer> entry : values.entrySet()) {
            int y = 4 + 24 * row++;
            double w = (double) barWidth * entry.getValue() / max;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>"
                    + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#e9ecef\"/>"
                    + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: %d%s</title></rect>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d%s</text>",
                    y + 13, escape(shorten(entry.getKey())), LABELS, y, barWidth, LABELS, y, w,
                    colours.get(entry.getKey()), escape(entry.getKey()), entry.getValue(), unit,
                    LABELS + barWidth + 6, y + 13, entry.getValue(), unit));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                + "viewBox=\"0 0 %d %d\" width=\"100%%\" aria-label=\"%s\"><title>%s</title>", WIDTH, height,
                escape(title), escape(title)));
    }

    private static String axis(int max, int plotHeight) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#6b7178\"/>"
                + "<text x=\"0\" y=\"%d\" font-size=\"12\">%d</text><text x=\"0\" y=\"%d\" font-size=\"12\">0</text>",
                LEFT, HEIGHT - BOTTOM, WIDTH, HEIGHT - BOTTOM, HEIGHT - BOTTOM - plotHeight + 8, max,
                HEIGHT - BOTTOM);
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String shorten(String label) {
        return label.length() <= 24 ? label : label.substring(0, 23) + "\u2026";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
