package io.herald.console;

import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.WriteBack;
import io.herald.http.HttpResponse;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /console/dead-letters}: notifications and write-backs Herald gave up on, with the raw answer. */
@ApplicationScoped
public class DeadLettersPage {

    static final int LIMIT = 100;

    private final Store store;
    private final TaskStore tasks;
    private final ConsolePages pages;

    public DeadLettersPage(Store store, TaskStore tasks, ConsolePages pages) {
        this.store = store;
        this.tasks = tasks;
        this.pages = pages;
    }

    /** A dead item: what it was, to whom, after how many attempts, the last answer, and where to replay it. */
    @TemplateData
    public record Dead(String kind, String id, String what, int attempts, String since, String lastError,
            String event, String replay) {
    }

    HttpResponse show() {
        List<Dead> notifications = store.deadNotifications(LIMIT).stream().map(DeadLettersPage::dead).toList();
        List<Dead> writeBacks = tasks.deadWriteBacks(LIMIT).stream().map(DeadLettersPage::dead).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notifications", notifications);
        data.put("writeBacks", writeBacks);
        return pages.render(200, "dead-letters", data);
    }

    static Dead dead(Notification n) {
        String what = (n.channel() == null ? "" : n.channel().id()) + " to " + n.recipient();
        return new Dead(Replays.NOTIFICATION, n.id(), what, n.attempts(), Times.seconds(n.updatedAt()), n.lastError(),
                EventPage.link(n.eventKey()), ReplayPage.link(Replays.NOTIFICATION, n.id()));
    }

    static Dead dead(WriteBack w) {
        String what = w.kind() + " " + w.action() + " on " + (w.entity() == null ? "?" : w.entity().key());
        return new Dead(Replays.WRITE_BACK, w.id(), what, w.attempts(), Times.seconds(w.updatedAt()), w.lastError(),
                EventPage.link(new EventKey(w.eventSource(), w.eventId())),
                ReplayPage.link(Replays.WRITE_BACK, w.id()));
    }
}
