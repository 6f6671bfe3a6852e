package io.herald.callback;

import io.herald.directory.Directory;
import io.herald.directory.User;
import io.herald.domain.Decision;
import io.herald.domain.Task;
import io.herald.http.HttpResponse;
import io.herald.links.ActionToken;
import io.herald.links.TokenRejected;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTML pages behind action links, in the reader's language and formats: the task with every answer the link
 * offers, and a page for each outcome, with its HTTP status. Every value is HTML-escaped by Qute.
 *
 * <p>A task's page is {@code templates/pages/task/<entity type>.html} when there is one (for example
 * {@code purchase-order.html}), else {@code generic.html}.
 */
@ApplicationScoped
public class ResponsePages {

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

    private static final String TASK_PAGES = "pages/task/";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Engine engine;
    private final Template outcome;
    private final TaskViews views;
    private final Directory directory;

    public ResponsePages(Engine engine, TaskViews views, Directory directory) {
        this.engine = engine;
        this.outcome = engine.getTemplate("pages/outcome.html");
        this.views = views;
        this.directory = directory;
    }

    /** Who holds a genuine link. */
    Reader reader(ActionToken token) {
        return Reader.of(directory.user(token.recipient()).orElse(null));
    }

    /**
     * The task with the answers the link offers, the one it was followed for first. Nothing is recorded by
     * showing it.
     *
     * @param problem why the last answer was not recorded (shown above the form, status 422), or null
     * @param comment what the reader had written, kept across a refusal
     */
    public HttpResponse task(Task task, ActionToken token, String rawToken, String chosen, Reader reader,
            String problem, String comment) {
        List<String> offered = task.actions().stream().filter(token::allows).toList();
        TaskView view = views.of(task, offered, chosen, reader);
        TemplateInstance page = taskTemplate(task).data("view", view).data("token", rawToken).data("error", problem)
                .data("comment", comment);
        return render(problem == null ? 200 : 422, page, reader);
    }

    public HttpResponse recorded(Answer answer, Reader reader) {
        Decision decision = answer.decision();
        List<String> lines = new ArrayList<>();
        if (ResponseRecorder.COMMENT.equals(decision.action())) {
            lines.add(reader.text().commentRecorded());
        } else {
            lines.add(reader.text().youAnswered(reader.done(decision.action()), reader.fmt().dateTime(decision.at())));
            lines.add(reader.text().systemTold(views.systemName(answer.task())));
        }
        if (decision.comment() != null) {
            lines.add(reader.text().yourComment(decision.comment()));
        }
        return outcome(200, answer.repeated() ? reader.text().alreadyRecorded() : reader.text().thanks(),
                answer.task(), lines, reader);
    }

    /** Why a genuine link's answer was not recorded, and what became of the request. */
    public HttpResponse refused(ResponseRefused refused, Reader reader) {
        Task task = refused.task();
        PageText text = reader.text();
        return switch (refused.kind()) {
            case DECIDED -> decided(refused.status(), text.alreadyAnswered(), task, reader);
            case LINK_USED -> decided(refused.status(), text.linkUsed(), task, reader);
            case WITHDRAWN -> outcome(410, text.withdrawn(), task,
                    List.of(text.withdrawnNext(views.systemName(task))), reader);
            case NOT_YOURS -> outcome(403, text.notYours(), task, List.of(text.notYoursNext()), reader);
            case NOT_OFFERED -> outcome(403, text.notOffered(), task, List.of(text.notOfferedNext()), reader);
            case UNKNOWN_TASK -> outcome(404, text.unknown(), null, List.of(text.unknownNext()), reader);
            case REASON_REQUIRED -> throw new IllegalArgumentException("a missing reason is shown on the task's page");
        };
    }

    /** A link that is not genuine (401) or has expired (410); the reader is not known then. */
    public HttpResponse rejected(TokenRejected rejected, Reader reader) {
        PageText text = reader.text();
        return rejected.status() == 410
                ? outcome(410, text.expired(), null, List.of(text.expiredNext()), reader)
                : outcome(rejected.status(), text.invalid(), null, List.of(text.invalidNext()), reader);
    }

    /** A task answered already: who answered what and when, seen by someone whose answer came too late. */
    private HttpResponse decided(int status, String title, Task task, Reader reader) {
        PageText text = reader.text();
        Decision winner = task == null ? null : task.decision();
        if (winner == null) {
            return outcome(status, title, task, List.of(), reader);
        }
        String name = directory.user(winner.actor()).map(User::name).orElse(winner.actor());
        List<String> lines = new ArrayList<>();
        lines.add(text.decidedBy(name, reader.done(winner.action()), reader.fmt().dateTime(winner.at())));
        if (winner.comment() != null) {
            lines.add(text.theirComment(winner.comment()));
        }
        lines.add(text.decidedNext(name));
        return outcome(status, title, task, lines, reader);
    }

    private HttpResponse outcome(int status, String title, Task task, List<String> lines, Reader reader) {
        String about = task == null ? null : task.title();
        return render(status, outcome.data("title", title).data("about", about).data("lines", lines)
                .data("system", views.systemName(task)).data("recordUrl", views.recordUrl(task)), reader);
    }

    private TemplateInstance taskTemplate(Task task) {
        String type = task.entity() == null ? null : task.entity().type();
        Template specific = type != null && TYPE.matcher(type).matches()
                ? engine.getTemplate(TASK_PAGES + type + ".html") : null;
        return (specific != null ? specific : engine.getTemplate(TASK_PAGES + "generic.html")).instance();
    }

    private static HttpResponse render(int status, TemplateInstance page, Reader reader) {
        String html = page.data("lang", reader.lang()).data("fmt", reader.fmt())
                .setLocale(reader.locale()).render();
        return new HttpResponse(status, PAGE_HEADERS, html.getBytes(StandardCharsets.UTF_8));
    }
}
