package io.herald.console;

import io.herald.domain.Notification;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The activity page's charts, drawn from the events the page lists (so they follow its filter). */
@ApplicationScoped
public class ActivityCharts {

    static final String SLA_SOURCE = "urn:herald:sla";
    /** Delivery outcomes are read for this many of the newest events: one store query each. */
    static final int DELIVERY_SAMPLE = 50;
    private static final int MINUTES = 30;
    private static final int DAYS = 14;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

    private final Store store;

    public ActivityCharts(Store store) {
        this.store = store;
    }

    /** Events per minute over the last half hour (UTC), one colour per source. */
    String perMinuteBySource(List<StoredEvent> events, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        List<String> minutes = new ArrayList<>();
        for (int i = MINUTES - 1; i >= 0; i--) {
            minutes.add(MINUTE.format(end.minus(i, ChronoUnit.MINUTES)));
        }
        Map<String, Map<String, Integer>> bySource = new TreeMap<>();
        Instant start = end.minus(MINUTES - 1, ChronoUnit.MINUTES);
        for (StoredEvent event : events) {
            if (!event.receivedAt().isBefore(start)) {
                bySource.computeIfAbsent(event.source(), s -> new LinkedHashMap<>())
                        .merge(MINUTE.format(event.receivedAt()), 1, Integer::sum);
            }
        }
        return SvgCharts.stacked("Events per minute by source, last " + MINUTES + " minutes (UTC)", minutes,
                bySource);
    }

    /** How many events of each type the page lists. */
    String byType(List<StoredEvent> events) {
        Map<String, Integer> byType = new TreeMap<>();
        for (StoredEvent event : events) {
            byType.merge(event.type(), 1, Integer::sum);
        }
        return SvgCharts.counts("Events by type", byType);
    }

    /**
     * The share of finished notifications that were delivered, per channel, among the notifications of the newest
     * events listed. Empty when none has finished yet.
     */
    String deliveryRate(List<StoredEvent> events) {
        Map<String, int[]> byChannel = new TreeMap<>();
        for (StoredEvent event : events.stream().limit(DELIVERY_SAMPLE).toList()) {
            for (Notification n : store.notificationsOf(event.key())) {
                if (n.status() == NotificationStatus.DELIVERED || n.status() == NotificationStatus.FAILED
                        || n.status() == NotificationStatus.DEAD) {
                    int[] counts = byChannel.computeIfAbsent(n.channel().id(), c -> new int[2]);
                    counts[0] += n.status() == NotificationStatus.DELIVERED ? 1 : 0;
                    counts[1]++;
                }
            }
        }
        if (byChannel.isEmpty()) {
            return "";
        }
        Map<String, Integer> percent = new LinkedHashMap<>();
        byChannel.forEach((channel, counts) -> percent.put(channel + " (" + counts[0] + " of " + counts[1] + ")",
                Math.round(100f * counts[0] / counts[1])));
        return SvgCharts.percentages("Delivery success rate by channel", percent);
    }

    /** SLA warnings and breaches per day (UTC) over the last two weeks: Herald's own SLA events. */
    String slaPerDay(List<StoredEvent> events, Instant now) {
        Map<Kind, Map<String, Integer>> counts = new EnumMap<>(Kind.class);
        List<String> days = new ArrayList<>();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        for (int i = DAYS - 1; i >= 0; i--) {
            days.add(DAY.format(today.minus(i, ChronoUnit.DAYS)));
        }
        for (StoredEvent event : events) {
            if (SLA_SOURCE.equals(event.source())) {
                Kind kind = event.type().contains("breach") || event.type().contains("escalat") ? Kind.BREACHES
                        : Kind.WARNINGS;
                counts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(DAY.format(event.receivedAt()), 1,
                        Integer::sum);
            }
        }
        Map<String, Map<String, Integer>> series = new LinkedHashMap<>();
        counts.forEach((kind, perDay) -> series.put(kind.label, perDay));
        return SvgCharts.stacked("SLA warnings and breaches per day (UTC)", days, series);
    }

    private enum Kind {
        WARNINGS("warnings"), BREACHES("breaches and escalations");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }
}
