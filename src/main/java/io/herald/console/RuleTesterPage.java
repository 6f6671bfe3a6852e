package io.herald.console;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import io.herald.dispatch.MessageRenderer;
import io.herald.dispatch.RenderingException;
import io.herald.domain.EventKey;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.events.StoredEvents;
import io.herald.http.FormBody;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.notifier.OutboundMessage;
import io.herald.routing.Delivery;
import io.herald.routing.Router;
import io.herald.routing.RoutingPlan;
import io.herald.store.Store;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /console/rules}: the rule tester, with the latest unrouted events to pick from; picking one
 * ({@code ?source=..&id=..}) tests it. {@code POST /console/rules} tests a pasted CloudEvent (structured JSON,
 * form field {@code event}). Testing shows the rules that match and each message as the real templates render it,
 * and sends, stores and records nothing. Messages are rendered without their task, so they carry no action link.
 */
@ApplicationScoped
public class RuleTesterPage {

    static final int UNROUTED = 20;

    private final Store store;
    private final Router router;
    private final MessageRenderer renderer;
    private final ConsolePages pages;
    private final Clock clock;
    private final JsonFormat format = new JsonFormat();

    public RuleTesterPage(Store store, Router router, MessageRenderer renderer, ConsolePages pages, Clock clock) {
        this.store = store;
        this.router = router;
        this.renderer = renderer;
        this.pages = pages;
        this.clock = clock;
    }

    /** One message the event would cause, rendered; {@code problem} says why it could not be. */
    @TemplateData
    public record Preview(String rule, String recipient, String channel, String address, String template,
            String subject, String text, String problem) {
    }

    /** A stored unrouted event to pick. */
    @TemplateData
    public record Pick(String source, String id, String type, String receivedAt, String link) {
    }

    HttpResponse show(Map<String, String> query) {
        String source = query.get("source");
        String id = query.get("id");
        if (source != null && id != null) {
            Optional<StoredEvent> picked = store.findEvent(new EventKey(source, id));
            if (picked.isPresent()) {
                CloudEvent event = StoredEvents.toCloudEvent(picked.get());
                return result(200, new String(format.serialize(event), StandardCharsets.UTF_8), event, null);
            }
            return result(404, "", null, "no stored event with that source and id");
        }
        return result(200, "", null, null);
    }

    HttpResponse test(HttpRequest request) {
        String pasted = FormBody.parse(request.body()).getOrDefault("event", "");
        CloudEvent event;
        try {
            event = format.deserialize(pasted.getBytes(StandardCharsets.UTF_8));
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            return result(422, pasted, null, "not a CloudEvent in structured JSON (specversion, id, source, type): "
                    + e.getMessage());
        }
        return result(200, pasted, event, null);
    }

    private HttpResponse result(int status, String pasted, CloudEvent event, String problem) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pasted", pasted);
        data.put("problem", problem);
        data.put("tested", event != null);
        data.put("picks", store.unroutedEvents(UNROUTED).stream().map(e -> new Pick(e.source(), e.id(), e.type(),
                Times.seconds(e.receivedAt()), ConsoleRoutes.PREFIX + "/rules?source=" + EventPage.encode(e.source())
                        + "&id=" + EventPage.encode(e.id()))).toList());
        if (event != null) {
            RoutingPlan plan = router.route(event);
            StoredEvent stored = StoredEvents.from(event, clock.instant());
            data.put("matched", plan.matchedRules());
            data.put("previews", plan.deliveries().stream().map(d -> preview(d, stored)).toList());
            data.put("unresolved", plan.unresolvedRecipients());
            data.put("missing", plan.missingAddresses());
            data.put("tasks", plan.tasks().size());
        }
        return pages.render(status, "rules", data);
    }

    private Preview preview(Delivery d, StoredEvent event) {
        Instant now = clock.instant();
        Notification draft = new Notification("preview", event.source(), event.id(), NotificationKind.EVENT, d.rule(),
                d.template(), d.userId(), d.channel(), d.address(), d.locale(), d.timeZone(), d.priority(),
                NotificationStatus.PENDING, 0, null, null, null, null, now, now, 0);
        try {
            OutboundMessage message = renderer.render(draft, event, Optional.empty());
            return new Preview(d.rule(), d.userId(), d.channel().id(), d.address(), d.template(), message.subject(),
                    message.text(), null);
        } catch (RenderingException e) {
            return new Preview(d.rule(), d.userId(), d.channel().id(), d.address(), d.template(), null, null,
                    e.getMessage());
        }
    }
}
