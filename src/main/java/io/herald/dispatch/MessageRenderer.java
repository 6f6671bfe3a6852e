package io.herald.dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.directory.Directory;
import io.herald.directory.User;
import io.herald.display.Formats;
import io.herald.display.SystemNames;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.Channel;
import io.herald.domain.Notification;
import io.herald.domain.NotificationKind;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.links.ActionLinks;
import io.herald.notifier.OutboundMessage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a notification with the Qute templates of its rule, in the recipient's language.
 *
 * <p>A template {@code name} lives in {@code templates/notifications/name/}: {@code subject.txt},
 * {@code body.html} and {@code body.txt} for e-mail, {@code sms.txt} for SMS, {@code inapp.txt} for in-app
 * (whose title is the subject). A localised variant is found by suffix, most specific first:
 * {@code subject_de-CH.txt}, {@code subject_de.txt}, then {@code subject.txt}. HTML templates escape every value.
 * A notification of a rule that raised a task, or an SLA message about one, also sees {@code task} and its
 * {@code links} (one per action, for assignees while it is open) and its deadline ({@code task.deadline}); an SLA
 * message sees its deadline as {@code due}, in the recipient's time zone. Every message sees {@code fmt}, which
 * formats amounts, numbers and times for the recipient ({@link Formats}), and {@code system}, the readable name of
 * the system the event is about.
 */
@ApplicationScoped
public class MessageRenderer {

    static final String ROOT = "notifications/";

    private final Engine engine;
    private final Directory directory;
    private final ObjectMapper json;
    private final ActionLinks links;
    private final SystemNames systems;

    public MessageRenderer(Engine engine, Directory directory, ObjectMapper json, ActionLinks links,
            SystemNames systems) {
        this.engine = engine;
        this.directory = directory;
        this.json = json;
        this.links = links;
        this.systems = systems;
    }

    /**
     * @param task the task the message is about, if any ({@link MessageTasks})
     * @throws RenderingException when a template is missing or fails; retrying will not help
     */
    public OutboundMessage render(Notification notification, StoredEvent event, Optional<Task> task) {
        Locale locale = locale(notification.locale());
        Parts parts = parts(notification.template(), notification.channel(), locale,
                model(notification, event, locale, task));
        return new OutboundMessage(notification.id(), notification.id(), notification.channel(),
                notification.address(), parts.subject(), parts.html(), parts.text(), notification.priority(),
                event.id());
    }

    /**
     * Renders one page of an announcement once for all its members, who share its language and time zone; the
     * template sees no {@code recipient} name, and sees {@code announcement} ({@code id}, {@code page},
     * {@code pages}, and {@code expiresAt} when it expires, in the page's time zone).
     *
     * @throws RenderingException when a template is missing or fails; retrying will not help
     */
    public OutboundMessage render(AnnouncementPage page, StoredEvent event) {
        Locale locale = locale(page.locale());
        Notification shared = new Notification(page.id(), page.eventSource(), page.eventId(), NotificationKind.EVENT,
                page.rule(), page.template(), null, page.channel(), null, page.locale(), page.timeZone(),
                page.priority(), NotificationStatus.SENDING, page.attempts(), null, null, null, null,
                page.createdAt(), page.updatedAt(), page.version());
        Map<String, Object> model = model(shared, event, locale, Optional.empty());
        Map<String, Object> announcement = new HashMap<>();
        announcement.put("id", page.announcementId());
        announcement.put("page", page.number());
        announcement.put("pages", page.pageCount());
        if (page.expiresAt() != null) {
            announcement.put("expiresAt", ((Formats) model.get("fmt")).dateTime(page.expiresAt()));
        }
        model.put("announcement", announcement);
        Parts parts = parts(page.template(), page.channel(), locale, model);
        List<OutboundMessage.Destination> destinations = page.members().stream()
                .map(member -> new OutboundMessage.Destination(member.address(), page.memberRef(member)))
                .toList();
        return OutboundMessage.toMany(page.id(), page.channel(), destinations, parts.subject(), parts.html(),
                parts.text(), page.priority(), event.id());
    }

    private record Parts(String subject, String html, String text) {
    }

    private Parts parts(String template, Channel channel, Locale locale, Map<String, Object> model) {
        String base = ROOT + template + "/";
        String subject = channel == Channel.SMS ? null : render(base, "subject", "txt", locale, model).strip();
        String html = channel == Channel.EMAIL ? render(base, "body", "html", locale, model) : null;
        String text = switch (channel) {
            case EMAIL -> render(base, "body", "txt", locale, model);
            case SMS -> render(base, "sms", "txt", locale, model).strip();
            case INAPP -> render(base, "inapp", "txt", locale, model).strip();
        };
        return new Parts(subject, html, text);
    }

    private static Locale locale(String tag) {
        return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }

    private String render(String base, String part, String extension, Locale locale, Map<String, Object> model) {
        Template template = find(base, part, extension, locale);
        try {
            return template.data(model).render();
        } catch (RuntimeException e) {
            throw new RenderingException("template " + base + part + "." + extension + " failed: " + e.getMessage(),
                    e);
        }
    }

    private Template find(String base, String part, String extension, Locale locale) {
        for (String candidate : List.of(part + "_" + locale.toLanguageTag(), part + "_" + locale.getLanguage(), part)) {
            Template template = engine.getTemplate(base + candidate + "." + extension);
            if (template != null) {
                return template;
            }
        }
        throw new RenderingException("no template " + base + part + "." + extension);
    }

    private Map<String, Object> model(Notification notification, StoredEvent event, Locale locale,
            Optional<Task> raised) {
        ZoneId zone = notification.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(notification.timeZone());
        Map<String, Object> eventModel = new HashMap<>();
        eventModel.put("id", event.id());
        eventModel.put("source", event.source());
        eventModel.put("type", event.type());
        eventModel.put("subject", event.subject());
        eventModel.put("time", format(event.time() == null ? event.receivedAt() : event.time(), zone, locale));
        User user = directory.user(notification.recipient()).orElse(null);
        Map<String, Object> recipient = new HashMap<>();
        recipient.put("id", notification.recipient());
        recipient.put("name", user == null || user.name() == null ? notification.recipient() : user.name());
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> data = data(event);
        model.put("event", eventModel);
        model.put("data", data);
        Formats fmt = Formats.of(notification.locale(), notification.timeZone());
        model.put("fmt", fmt);
        model.put("system", systems.name(raised.map(task -> task.entity() == null ? null : task.entity().system())
                .orElse(data.get("system") instanceof String system ? system : event.source())));
        model.put("recipient", recipient);
        model.put("priority", notification.priority().id());
        raised.ifPresent(task -> {
            Map<String, Object> taskModel = new HashMap<>();
            taskModel.put("id", task.id());
            taskModel.put("title", task.title());
            taskModel.put("status", task.status().name().toLowerCase(Locale.ROOT));
            taskModel.put("entity", task.entity());
            if (task.sla() != null && task.sla().dueAt() != null) {
                // As the task's page shows it.
                taskModel.put("deadline", fmt.dateTime(task.sla().dueAt()));
            }
            systems.recordUrl(task.entity()).ifPresent(url -> taskModel.put("recordUrl", url));
            model.put("task", taskModel);
            model.put("links", task.status() == TaskStatus.OPEN && task.assignees().contains(notification.recipient())
                    ? links.of(task, notification.recipient()) : List.of());
        });
        model.put("channel", notification.channel().id());
        if (notification.kind() == NotificationKind.SLA && model.get("data") instanceof Map<?, ?> sla
                && sla.get("dueAt") instanceof String due) {
            model.put("due", format(Instant.parse(due), zone, locale));
        }
        return model;
    }

    private Map<String, Object> data(StoredEvent event) {
        if (event.data() == null) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(event.data(), new TypeReference<Object>() { });
            if (parsed == null) {
                return Map.of();
            }
            // Data that is not an object (an array, a string, a number) is still shown, as data.value.
            return parsed instanceof Map<?, ?> map ? castMap(map) : Map.of("value", parsed);
        } catch (IOException e) {
            throw new RenderingException("event data is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String format(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant) + " " + zone.getId();
    }
}
