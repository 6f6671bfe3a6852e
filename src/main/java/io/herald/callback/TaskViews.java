package io.herald.callback;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.display.Formats;
import io.herald.display.SystemNames;
import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.routing.RuleSet;
import io.herald.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds what a person sees of a task they are asked to answer ({@link TaskView}). */
@ApplicationScoped
class TaskViews {

    /** Data fields the page shows elsewhere (title, record line, message) or that mean nothing to a reader. */
    private static final Set<String> NOT_FIGURES = Set.of("system", "entity", "entityType", "entityId", "title",
            "message", "url", "currency", "team");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private final Store store;
    private final SystemNames systems;
    private final RuleSet rules;
    private final ObjectMapper json;
    private final Clock clock;

    TaskViews(Store store, SystemNames systems, RuleSet rules, ObjectMapper json, Clock clock) {
        this.store = store;
        this.systems = systems;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param offered the answers the reader's link offers, in the task's order
     * @param chosen the answer of the link they followed, or null
     */
    TaskView of(Task task, List<String> offered, String chosen, Reader reader) {
        Map<String, Object> data = data(task);
        String system = systemName(task);
        List<TaskView.Choice> choices = new ArrayList<>();
        offered.stream().filter(action -> action.equals(chosen))
                .forEach(action -> choices.add(new TaskView.Choice(action, reader.action(action), true)));
        offered.stream().filter(action -> !action.equals(chosen))
                .forEach(action -> choices.add(new TaskView.Choice(action, reader.action(action), false)));
        List<String> needReason = rules.reasonRequired(task.rule()).stream().filter(offered::contains)
                .map(reader::action).toList();
        SlaClock sla = task.sla();
        boolean paused = sla != null && sla.state() == SlaClockState.PAUSED;
        String deadline = sla == null || sla.dueAt() == null ? null : reader.fmt().dateTime(sla.dueAt());
        boolean overdue = sla != null && sla.state() == SlaClockState.RUNNING && sla.dueAt() != null
                && clock.instant().isAfter(sla.dueAt());
        return new TaskView(task.id(), task.title(), task.entity() == null ? "" : label(task.entity().type()),
                task.entity() == null ? "" : task.entity().id(), system,
                recordUrl(task), text(data.get("message")),
                figures(data, reader.fmt()), deadline, overdue, paused, choices,
                needReason.isEmpty() ? null : reader.text().reasonHint(String.join(", ", needReason)), data);
    }

    /** The readable name of a task's source system. */
    String systemName(Task task) {
        return systems.name(task == null || task.entity() == null ? null : task.entity().system());
    }

    /** Where the task's record opens in its system, or null. */
    String recordUrl(Task task) {
        return task == null ? null : systems.recordUrl(task.entity()).orElse(null);
    }

    /** The data's scalar fields in order, each labelled and formatted; an amount goes with its currency. */
    private static List<TaskView.Figure> figures(Map<String, Object> data, Formats fmt) {
        List<TaskView.Figure> figures = new ArrayList<>();
        data.forEach((name, value) -> {
            if (value == null || value instanceof Map || value instanceof Iterable || NOT_FIGURES.contains(name)) {
                return;
            }
            String shown;
            if (name.equals("amount") && data.get("currency") != null) {
                shown = fmt.money(value, data.get("currency"));
            } else if (value instanceof Number) {
                shown = fmt.number(value);
            } else if (value instanceof String text && DATE_TIME.matcher(text).matches()) {
                shown = fmt.dateTime(text);
            } else if (value instanceof String text && DATE.matcher(text).matches()) {
                shown = fmt.date(text);
            } else {
                shown = value.toString();
            }
            figures.add(new TaskView.Figure(label(name), shown));
        });
        return figures;
    }

    /** {@code neededBy} and {@code purchase-order} read as "Needed by" and "Purchase order". */
    static String label(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Map<String, Object> data(Task task) {
        StoredEvent event = store.findEvent(task.eventKey()).orElse(null);
        if (event == null || event.data() == null) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(event.data(), new TypeReference<Object>() { });
            return parsed instanceof Map<?, ?> map ? new LinkedHashMap<>(castMap(map)) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
