package io.herald.callback;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.StoredEvent;
import io.herald.domain.Task;
import io.herald.http.HttpResponse;
import io.herald.links.ActionLinks;
import io.herald.store.Store;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The HTML pages a person sees after following an action link. Every value is HTML-escaped by Qute. */
@ApplicationScoped
public class ResponsePages {

    /** Actions that ask for words: the confirmation page offers a comment box for them. */
    private static final Set<String> WITHOUT_COMMENT = Set.of("approve", "acknowledge");

    /**
     * A page carries a live action token: it must not be framed (clickjacking the confirm button), cached, leak
     * its URL as a referrer, or run anything but its own inline styles and a form posting back to Herald.
     * {@code X-Frame-Options} is for browsers that ignore {@code frame-ancestors}.
     */
    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY");

    private final Template confirm;
    private final Template outcome;
    private final Store store;
    private final ObjectMapper json;

    public ResponsePages(@Location("callback/confirm.html") Template confirm,
            @Location("callback/outcome.html") Template outcome, Store store, ObjectMapper json) {
        this.confirm = confirm;
        this.outcome = outcome;
        this.store = store;
        this.json = json;
    }

    public HttpResponse confirmation(Task task, String token, String action) {
        return page(200, confirm.data("task", task).data("context", context(task)).data("token", token)
                .data("action", action).data("label", ActionLinks.label(action))
                .data("commentBox", !WITHOUT_COMMENT.contains(action)).render());
    }

    public HttpResponse recorded(Answer answer) {
        return page(200, outcome.data("title", answer.repeated() ? "Already recorded" : "Thank you")
                .data("message", (answer.repeated() ? "Your answer was already recorded: " : "Recorded: ")
                        + ActionLinks.label(answer.decision().action()) + " on " + answer.task().title() + ".")
                .render());
    }

    public HttpResponse refused(int status, String reason) {
        String title = switch (status) {
            case 401 -> "Link not valid";
            case 410 -> "Link expired";
            case 409 -> "Already answered";
            default -> "Cannot record this answer";
        };
        return page(status, outcome.data("title", title).data("message", reason).render());
    }

    /** Top-level scalar fields of the event's data: the context a person decides on. */
    private Map<String, Object> context(Task task) {
        Map<String, Object> context = new LinkedHashMap<>();
        StoredEvent event = store.findEvent(task.eventKey()).orElse(null);
        if (event == null || event.data() == null) {
            return context;
        }
        try {
            Map<String, Object> data = json.readValue(event.data(), new TypeReference<Map<String, Object>>() { });
            data.forEach((name, value) -> {
                if (value != null && !(value instanceof Map) && !(value instanceof Iterable)) {
                    context.put(name, value);
                }
            });
        } catch (IOException e) {
            // data that is not an object has no fields to show
        }
        return context;
    }

    private static HttpResponse page(int status, String html) {
        return new HttpResponse(status, PAGE_HEADERS, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
