package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.http.HttpRequest;
import io.herald.http.Problem;
import io.herald.http.ProblemException;
import io.herald.routing.RoutingPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code POST /announcements}: an operator publishes (or withdraws) an announcement with one structured CloudEvent,
 * which then takes the same path as an event from xConnector: stored once per (source, id), routed by the rules,
 * answered with the same acceptance. Its source must be Herald's own, {@value #SOURCE} (or below it), so an
 * operator never speaks for a connected system; and a rule must publish or withdraw an announcement with it, so the
 * route is no side door for other events. A refused request stores nothing.
 */
@ApplicationScoped
public class OperatorAnnouncements {

    /** The source of every event published through the operator route. */
    public static final String SOURCE = "urn:herald:operator";
    /** Who the audit trail names in local mode, where nobody signs in. */
    static final String LOCAL_OPERATOR = "local-operator";

    private final CloudEventReader reader;
    private final EventRouting routing;
    private final EventAcceptor acceptor;

    public OperatorAnnouncements(CloudEventReader reader, EventRouting routing, EventAcceptor acceptor) {
        this.reader = reader;
        this.routing = routing;
        this.acceptor = acceptor;
    }

    /** @return the acceptance, as {@code POST /events} answers a single event */
    public Acceptance publish(HttpRequest request) {
        if (!CloudEventReader.STRUCTURED.equals(request.mediaType())) {
            throw new ProblemException(415, "Unsupported Media Type", "send one CloudEvent as "
                    + CloudEventReader.STRUCTURED + " (structured); got '" + request.mediaType() + "'");
        }
        CloudEvent event = reader.read(request).get(0);
        String source = event.getSource().toString();
        if (!source.equals(SOURCE) && !source.startsWith(SOURCE + ":")) {
            throw invalid("an operator's announcement has source '" + SOURCE + "' (or below it, such as '" + SOURCE
                    + ":hr'); got '" + source + "'");
        }
        RoutingPlan plan = routing.plan(event);
        if (!plan.announces()) {
            throw invalid("no rule publishes or withdraws an announcement with an event of type '"
                    + event.getType() + "' and this data; nothing was stored");
        }
        List<String> problems = StorableEvent.problems(event, plan);
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Invalid CloudEvent", String.join("; ", problems))
                    .withErrors(problems));
        }
        return acceptor.accept(event, request.caller() == null ? LOCAL_OPERATOR : request.caller(), plan);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Invalid CloudEvent", detail);
    }
}
