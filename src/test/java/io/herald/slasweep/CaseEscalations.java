package io.herald.slasweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.EventKey;
import io.herald.support.Herald;
import io.herald.task.TaskIds;
import io.quarkus.arc.Arc;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customer escalations from the sample CRM, each about a case of its own, and the source events that pause,
 * resume and stop their SLA clock (sample policy {@code case-response}: 4 business hours on the service desk's
 * calendar, Monday to Friday 08:00-18:00 Europe/Berlin; dave is the assignee, erin his manager, heidi his
 * alternate, frank and grace the ops group).
 */
final class CaseEscalations {

    static final String RULE = "case-escalation-response";

    private CaseEscalations() {
    }

    /** A new escalation about a case no other test uses. */
    static ObjectNode escalation() {
        ObjectNode event = Herald.sample("case-escalated-customer");
        String caseId = "CASE-" + UUID.randomUUID();
        ((ObjectNode) event.get("data")).put("entityId", caseId).put("caseId", caseId);
        return event;
    }

    /** A source event about the same case, e.g. {@code crm.case.waiting-on-customer}. */
    static ObjectNode about(ObjectNode escalation, String type) {
        ObjectNode event = escalation.deepCopy();
        event.put("id", type + "-" + UUID.randomUUID());
        event.put("type", type);
        return event;
    }

    /** Posts an event signed at the application's (test) time, so the replay window accepts it. */
    static void post(ObjectNode event, Instant now) {
        Herald.post(Herald.bytes(event), "application/cloudevents+json", now, Herald.SECRET).then().statusCode(202);
    }

    static String taskId(ObjectNode escalation) {
        return Arc.container().instance(TaskIds.class).get()
                .of(new EventKey(escalation.get("source").asText(), escalation.get("id").asText()), RULE);
    }

    /** What OpenText Notifications accepted for one checkpoint of a task, e.g. {@code tier-2}. */
    static List<Map<String, Object>> messages(String taskId, String checkpoint) {
        return Herald.submissionsFor(taskId + "/" + checkpoint);
    }

    static List<String> emailSubjectsTo(String taskId, String checkpoint, String address) {
        return messages(taskId, checkpoint).stream()
                .filter(s -> "EMAIL".equals(s.get("channel")))
                .filter(s -> s.get("destinations") instanceof List<?> d && !d.isEmpty()
                        && d.get(0) instanceof Map<?, ?> first && address.equals(first.get("address")))
                .map(s -> (String) s.get("subject"))
                .toList();
    }
}
