package io.herald.console;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.http.HttpResponse;
import io.herald.store.Store;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /console}: the events Herald received, newest first, filtered by source, type, status and time, with
 * charts of what arrived. The page reloads itself every few seconds, so new events appear as they arrive, unless
 * {@code live=off}: a reload moves the focus back to the top, which a keyboard user must be able to stop.
 */
@ApplicationScoped
public class ActivityPage {

    /** The most events read per status; the page stays fast however many are stored. */
    static final int PER_STATUS = 200;

    private final Store store;
    private final ActivityCharts charts;
    private final ConsolePages pages;
    private final Clock clock;

    public ActivityPage(Store store, ActivityCharts charts, ConsolePages pages, Clock clock) {
        this.store = store;
        this.charts = charts;
        this.pages = pages;
        this.clock = clock;
    }

    /** One row of the list. */
    @TemplateData
    public record Row(String source, String id, String type, String subject, String status, String receivedAt,
            String link) {
    }

    HttpResponse show(Map<String, String> query) {
        ActivityFilter filter = ActivityFilter.of(query);
        Instant now = clock.instant();
        List<StoredEvent> events = new ArrayList<>();
        for (EventStatus status : filter.statuses()) {
            store.eventsWithStatus(status, PER_STATUS).stream().filter(e -> filter.admits(e, now)).forEach(events::add);
        }
        events.sort(Comparator.comparing(StoredEvent::receivedAt).reversed());
        List<Row> rows = events.stream().limit(PER_STATUS).map(e -> new Row(e.source(), e.id(), e.type(),
                e.subject(), e.status().name(), Times.seconds(e.receivedAt()), EventPage.link(e.key()))).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("filter", filter);
        boolean live = !"off".equals(query.get("live"));
        data.put("live", live);
        data.put("pauseLink", filter.link() + "&live=off");
        data.put("liveLink", filter.link());
        data.put("rows", rows);
        data.put("statuses", List.of(EventStatus.values()).stream().map(Enum::name).toList());
        data.put("windows", ActivityFilter.WINDOWS);
        data.put("sources", new TreeSet<>(events.stream().map(StoredEvent::source).toList()));
        data.put("perMinute", charts.perMinuteBySource(events, now));
        data.put("byType", charts.byType(events));
        data.put("delivery", charts.deliveryRate(events));
        data.put("sla", charts.slaPerDay(events, now));
        return pages.render(200, "activity", data);
    }
}
