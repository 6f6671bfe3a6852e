package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.announce.AnnouncementQueries;
import io.herald.announce.AnnouncementRecipients;
import io.herald.http.HttpFunction;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.Problem;
import io.herald.http.ProblemException;
import io.herald.http.ResponseWriter;
import io.herald.routing.RoutingPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The intake function: {@code POST /events} takes CloudEvents from xConnector; {@code GET /events} and
 * {@code GET /events/unrouted} show what became of them; {@code POST /announcements} lets an operator publish or
 * withdraw an announcement ({@link OperatorAnnouncements}); {@code GET /announcements/{id}} whom an announcement
 * addressed and how far it got, {@code GET /announcements/{id}/recipients} each recipient's delivery state.
 *
 * <p>A {@code 202} means every event of the request is durably stored (or was already). When storing fails
 * part-way through a batch the answer is {@code 503}: the sender retries the whole batch, and the events that
 * were stored the first time are recognised as duplicates.
 */
@ApplicationScoped
public class IntakeFunction implements HttpFunction {

    public static final String NAME = "intake";
    private static final Logger LOG = Logger.getLogger(IntakeFunction.class);

    private final SenderVerifier verifier;
    private final CloudEventReader reader;
    private final SourcePolicy sources;
    private final EventAcceptor acceptor;
    private final EventRouting routing;
    private final EventQueries queries;
    private final ResponseWriter responses;
    private final AnnouncementQueries announcements;
    private final OperatorAnnouncements published;
    private final AnnouncementRecipients recipients;

    public IntakeFunction(SenderVerifier verifier, CloudEventReader reader, SourcePolicy sources,
            EventAcceptor acceptor, EventRouting routing, EventQueries queries, ResponseWriter responses,
            AnnouncementQueries announcements, OperatorAnnouncements published, AnnouncementRecipients recipients) {
        this.recipients = recipients;
        this.announcements = announcements;
        this.published = published;
        this.verifier = verifier;
        this.reader = reader;
        this.sources = sources;
        this.acceptor = acceptor;
        this.routing = routing;
        this.queries = queries;
        this.responses = responses;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HttpResponse handle(String route, HttpRequest request) {
        try {
            return switch (route) {
                case "POST /events" -> post(request);
                case "GET /events" -> responses.json(200, queries.event(request.query(), request.caller()));
                case "GET /events/unrouted" -> responses.json(200, queries.unrouted(request.query()));
                case "GET /announcements/{id}" -> responses.json(200, announcements.announcement(
                        request.pathParameters().get("id"), request.query()));
                case "GET /announcements/{id}/recipients" -> responses.json(200, recipients.list(
                        request.pathParameters().get("id"), request.query()));
                case "POST /announcements" -> publish(request);
                default -> throw new ProblemException(404, "Not Found", "no route " + route);
            };
        } catch (ProblemException e) {
            return responses.problem(e.problem());
        }
    }

    private HttpResponse post(HttpRequest request) {
        String sender = verifier.verify(request);
        List<CloudEvent> events = reader.read(request);
        events.forEach(event -> sources.check(sender, event));
        List<RoutingPlan> plans = storablePlans(events, CloudEventReader.BATCH.equals(request.mediaType()));
        List<Acceptance> results = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CloudEvent event = events.get(i);
            try {
                results.add(acceptor.accept(event, sender, plans.get(i)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not store or route event %s from %s", event.getId(), event.getSource());
                throw new ProblemException(503, "Service Unavailable", "the event could not be stored; "
                        + results.size() + " of " + events.size() + " were; retry the request");
            }
        }
        boolean batch = CloudEventReader.BATCH.equals(request.mediaType());
        return responses.json(202, batch ? Map.of("results", results) : results.get(0));
    }

    private HttpResponse publish(HttpRequest request) {
        try {
            return responses.json(202, published.publish(request));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not store or route an operator's announcement");
            throw new ProblemException(503, "Service Unavailable", "the announcement could not be stored; retry "
                    + "the request");
        }
    }

    /** Plans every event's routing and refuses the request, storing nothing, if any value would not fit a store. */
    private List<RoutingPlan> storablePlans(List<CloudEvent> events, boolean batch) {
        List<RoutingPlan> plans = new ArrayList<>(events.size());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RoutingPlan plan = routing.plan(events.get(i));
            plans.add(plan);
            for (String problem : StorableEvent.problems(events.get(i), plan)) {
                errors.add(batch ? "event[" + i + "]: " + problem : problem);
            }
        }
        if (!errors.isEmpty()) {
            String detail = batch ? "the batch was refused whole; nothing was stored" : String.join("; ", errors);
            throw new ProblemException(Problem.of(400, "Invalid CloudEvent", detail).withErrors(errors));
        }
        return plans;
    }
}
