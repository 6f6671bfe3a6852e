package io.herald.console;

import io.herald.domain.EntityRef;
import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.http.HttpResponse;
import io.herald.http.ProblemException;
import io.herald.store.OpenTasksCursor;
import io.herald.store.TaskStore;
import io.herald.store.TaskStore.OpenTasksPage;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /console/tasks}: the tasks of an assignee (open or answered) or of one entity (system, type, id), and
 * without either every open task, newest first, {@value #PAGE} a page ({@code after}: where the page before
 * ended); each with its SLA clock: time left or overdue, the checkpoints fired, the policy version it was pinned to.
 */
@ApplicationScoped
public class TasksPage {

    static final int LIMIT = 100;
    /** Open tasks on one page of the list of all of them. */
    static final int PAGE = 50;

    private final TaskStore tasks;
    private final ConsolePages pages;
    private final Clock clock;

    public TasksPage(TaskStore tasks, ConsolePages pages, Clock clock) {
        this.tasks = tasks;
        this.pages = pages;
        this.clock = clock;
    }

    /** One task as listed; the SLA fields are empty for a task without a clock. */
    @TemplateData
    public record Row(String id, String title, String entity, String assignees, String status, String clock,
            String left, boolean overdue, String tier, String policy, String event) {
    }

    HttpResponse show(Map<String, String> query) {
        String assignee = query.getOrDefault("assignee", "").strip();
        String state = query.getOrDefault("state", "open").strip().toLowerCase(Locale.ROOT);
        String system = query.getOrDefault("system", "").strip();
        String type = query.getOrDefault("type", "").strip();
        String id = query.getOrDefault("id", "").strip();
        if (!state.equals("open") && !state.equals("answered")) {
            throw new ProblemException(400, "Bad Request", "state must be open or answered");
        }
        List<Task> found = List.of();
        boolean allOpen = assignee.isEmpty() && system.isEmpty() && type.isEmpty() && id.isEmpty()
                && state.equals("open");
        String next = "";
        if (!assignee.isEmpty()) {
            found = tasks.tasksOfAssignee(assignee,
                    state.equals("open") ? TaskStatus.OPEN : TaskStatus.ANSWERED, LIMIT);
        } else if (!system.isEmpty() && !type.isEmpty() && !id.isEmpty()) {
            found = tasks.tasksOfEntity(new EntityRef(system, type, id).key(), LIMIT);
        } else if (allOpen) {
            OpenTasksPage page = tasks.openTasks(cursor(query.get("after")), PAGE);
            found = page.tasks();
            next = page.next() == null ? "" : ConsoleRoutes.PREFIX + "/tasks?after="
                    + EventPage.encode(page.next().text());
        }
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assignee", assignee);
        data.put("state", state);
        data.put("system", system);
        data.put("type", type);
        data.put("id", id);
        data.put("asked", !assignee.isEmpty() || !id.isEmpty() || allOpen);
        data.put("allOpen", allOpen);
        data.put("continued", allOpen && query.get("after") != null);
        data.put("next", next);
        data.put("rows", found.stream().map(task -> row(task, now)).toList());
        return pages.render(200, "tasks", data);
    }

    /** Where the page asked for starts: null for the first. */
    private static OpenTasksCursor cursor(String after) {
        if (after == null) {
            return null;
        }
        try {
            return OpenTasksCursor.parse(after.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "after is not where a page of open tasks ended; "
                    + "start again from the first page");
        }
    }

    private static Row row(Task task, Instant now) {
        SlaClock sla = task.sla();
        String entity = task.entity() == null ? "" : task.entity().key();
        String event = EventPage.link(task.eventKey());
        if (sla == null) {
            return new Row(task.id(), task.title(), entity, String.join(", ", task.assignees()), task.status().name(),
                    "", "", false, "", "", event);
        }
        String left = "";
        boolean overdue = false;
        if (sla.state() == SlaClockState.RUNNING && sla.dueAt() != null) {
            Duration remaining = Duration.between(now, sla.dueAt());
            overdue = remaining.isNegative();
            left = overdue ? "overdue by " + human(remaining.negated()) : human(remaining) + " left";
        }
        String tier = sla.fired() == 0 ? "none fired" : sla.fired() + " of "
                + (sla.policy().warnings().size() + 1 + sla.policy().tiers().size()) + " fired";
        return new Row(task.id(), task.title(), entity, String.join(", ", task.assignees()), task.status().name(),
                sla.state().name(), left, overdue, tier, sla.policy().name() + " v" + sla.policy().version(), event);
    }

    static String human(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }
}
