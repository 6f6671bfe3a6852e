package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.routing.Delivery;
import io.herald.routing.PlannedTask;
import io.herald.routing.RoutingPlan;
import io.herald.store.StoreLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the values of an event, and of what routing planned for it, that no store could keep. Such an event is
 * refused before it is stored: stored, it would fail on every retry, every sweep and every start-up.
 */
final class StorableEvent {

    private StorableEvent() {
    }

    /** @return one line per value that does not fit, naming where the sender put it; empty if all fit */
    static List<String> problems(CloudEvent event, RoutingPlan plan) {
        List<String> problems = new ArrayList<>();
        add(problems, StoreLimits.EVENT_SOURCE.check("source", event.getSource().toString()));
        add(problems, StoreLimits.EVENT_ID.check("id", event.getId()));
        add(problems, StoreLimits.EVENT_TYPE.check("type", event.getType()));
        add(problems, StoreLimits.EVENT_SUBJECT.check("subject", event.getSubject()));
        add(problems, StoreLimits.DATA_CONTENT_TYPE.check("datacontenttype", event.getDataContentType()));
        add(problems, StoreLimits.checkTime("time", event.getTime() == null ? null : event.getTime().toInstant()));
        long itemBytes = itemBytes(event);
        if (itemBytes > StoreLimits.EVENT_ITEM_BYTES) {
            problems.add("the event's data and attributes are " + itemBytes + " bytes; at most "
                    + StoreLimits.EVENT_ITEM_BYTES);
        }
        for (PlannedTask task : plan.tasks()) {
            PlannedTask.ValueSources fields = task.fields();
            add(problems, StoreLimits.ENTITY_SYSTEM.check(fields.system(), task.entity().system()));
            add(problems, StoreLimits.ENTITY_TYPE.check(fields.type(), task.entity().type()));
            add(problems, StoreLimits.ENTITY_ID.check(fields.id(), task.entity().id()));
            add(problems, StoreLimits.TASK_TITLE.check(fields.title(), task.title()));
            add(problems, StoreLimits.checkTime(fields.dueAt(), task.dueAt()));
        }
        for (Delivery delivery : plan.deliveries()) {
            String who = "recipient '" + delivery.userId() + "' (" + delivery.channel().id() + "): ";
            add(problems, StoreLimits.RECIPIENT.check(who + "user id", delivery.userId()));
            add(problems, StoreLimits.ADDRESS.check(who + "address", delivery.address()));
            add(problems, StoreLimits.LOCALE.check(who + "locale", delivery.locale()));
            add(problems, StoreLimits.TIME_ZONE.check(who + "time zone", delivery.timeZone()));
            add(problems, StoreLimits.RULE.check(who + "rule", delivery.rule()));
            add(problems, StoreLimits.TEMPLATE.check(who + "template", delivery.template()));
        }
        return problems.stream().distinct().toList();
    }

    private static long itemBytes(CloudEvent event) {
        long bytes = event.getData() == null ? 0 : event.getData().toBytes().length;
        for (String name : event.getAttributeNames()) {
            Object value = event.getAttribute(name);
            bytes += utf8(name) + (value == null ? 0 : utf8(value.toString()));
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            bytes += utf8(name) + (value == null ? 0 : utf8(value.toString()));
        }
        return bytes;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void add(List<String> problems, Optional<String> problem) {
        problem.ifPresent(problems::add);
    }
}
