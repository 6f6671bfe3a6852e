package io.herald.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.audit.AuditTrail;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.http.FormBody;
import io.herald.http.HttpFunction;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.Problem;
import io.herald.http.ProblemException;
import io.herald.http.ResponseWriter;
import io.herald.links.ActionToken;
import io.herald.links.ActionTokens;
import io.herald.links.TokenRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The callback function: where people answer tasks.
 * <ul>
 * <li>{@code GET /act?token=..&action=..}: the link in a message. Shows the request with every answer the link
 * offers, the one it was followed for first, and records nothing, because mail scanners open links.</li>
 * <li>{@code POST /act}: that page's form ({@code token}, {@code action}, {@code comment}, which the rule may require
 * as a reason); records the response and shows the outcome.</li>
 * <li>{@code POST /responses}: the same for programmatic clients (an in-app button, a reply relayed by
 * xConnector), as JSON {@code {"token","action","comment"}}; answers JSON or a problem.</li>
 * <li>{@code GET /tasks} and {@code GET /tasks/{id}}: tasks as JSON.</li>
 * <li>{@code POST /opentext/status}: OpenText Notifications' signed delivery-status webhook.</li>
 * </ul>
 */
@ApplicationScoped
public class CallbackFunction implements HttpFunction {

    public static final String NAME = "callback";

    private final ResponseRecorder recorder;
    private final ActionTokens tokens;
    private final ResponsePages pages;
    private final TaskQueries queries;
    private final ResponseWriter responses;
    private final StatusWebhook webhook;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public CallbackFunction(ResponseRecorder recorder, ActionTokens tokens, ResponsePages pages, TaskQueries queries,
            StatusWebhook webhook, AuditTrail audit, ResponseWriter responses, ObjectMapper json) {
        this.webhook = webhook;
        this.audit = audit;
        this.recorder = recorder;
        this.tokens = tokens;
        this.pages = pages;
        this.queries = queries;
        this.responses = responses;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HttpResponse handle(String route, HttpRequest request) {
        try {
            return switch (route) {
                case "GET /act" -> confirm(request);
                case "POST /act" -> submit(request);
                case "POST /responses" -> respond(request);
                case "GET /tasks" -> responses.json(200, queries.list(request.query()));
                case "GET /tasks/{id}" -> responses.json(200, queries.one(request.pathParameters().get("id"),
                        request.caller()));
                case "POST /opentext/status" -> responses.json(200, Map.of("reported", webhook.receive(request)));
                default -> throw new ProblemException(404, "Not Found", "no route " + route);
            };
        } catch (ProblemException e) {
            return responses.problem(e.problem());
        }
    }

    private HttpResponse confirm(HttpRequest request) {
        String rawToken = request.query().get("token");
        String action = request.query().get("action");
        ActionToken verified;
        try {
            verified = tokens.verify(rawToken);
        } catch (TokenRejected e) {
            return pages.rejected(e, Reader.anonymous(request.header("accept-language")));
        }
        Reader reader = pages.reader(verified);
        try {
            Task task = recorder.openable(verified, action);
            // Opening records no answer; the trail shows it was opened (mail scanners open links too).
            audit.record(task.eventKey(), "link-opened", verified.recipient(), "task " + task.id()
                    + (action == null ? "" : ": " + action));
            if (task.status() == TaskStatus.ANSWERED) {
                // The one who decided sees their own answer again; anyone else, who decided and when.
                return task.decision().actor().equals(verified.recipient())
                        ? pages.recorded(new Answer(task, task.decision(), true), reader)
                        : pages.refused(new ResponseRefused(ResponseRefused.Kind.DECIDED, "already answered", task),
                                reader);
            }
            return pages.task(task, verified, rawToken, action, reader, null, null);
        } catch (ResponseRefused e) {
            return pages.refused(e, reader);
        }
    }

    private HttpResponse submit(HttpRequest request) {
        Map<String, String> form = new LinkedHashMap<>(request.query());
        form.putAll(FormBody.parse(request.body()));
        String rawToken = form.get("token");
        ActionToken verified;
        try {
            verified = tokens.verify(rawToken);
        } catch (TokenRejected e) {
            return pages.rejected(e, Reader.anonymous(request.header("accept-language")));
        }
        Reader reader = pages.reader(verified);
        try {
            return pages.recorded(recorder.record(rawToken, form.get("action"), form.get("comment")), reader);
        } catch (ResponseRefused e) {
            if (e.kind() == ResponseRefused.Kind.REASON_REQUIRED) {
                return pages.task(e.task(), verified, rawToken, form.get("action"), reader,
                        reader.text().reasonMissing(reader.action(form.get("action"))), form.get("comment"));
            }
            return pages.refused(e, reader);
        } catch (TokenRejected e) {
            return pages.rejected(e, reader);
        }
    }

    private HttpResponse respond(HttpRequest request) {
        if (!"application/json".equals(request.mediaType())) {
            throw new ProblemException(415, "Unsupported Media Type", "send the response as application/json");
        }
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "the body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ProblemException(400, "Bad Request", "send an object with token, action and comment");
        }
        try {
            Answer answer = recorder.record(text(body, "token"), text(body, "action"), text(body, "comment"));
            return responses.json(200, Map.of("status", answer.repeated() ? "already-recorded" : "recorded",
                    "task", answer.task(), "decision", answer.decision()));
        } catch (TokenRejected e) {
            return responses.problem(Problem.of(e.status(), "Action link refused", e.getMessage()));
        } catch (ResponseRefused e) {
            return responses.problem(Problem.of(e.status(), "Response refused", e.getMessage()));
        }
    }

    private static String text(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }
}
