package io.herald.console;

import io.herald.access.Access;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The operator console's routes ({@code functions.yaml}, function callback): what Herald did and the means to fix
 * what went wrong, as HTML pages. Operator routes: on a server only operators' credentials (or the session a
 * browser was given on signing in with one) let a request in, a replay needs operate access, and local mode is
 * open. Signing in and out are open: the key in the form is the credential.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String PREFIX = "/console";

    /**
     * What an operator needs for each route, as {@code functions.yaml} marks them ({@code auth: operator}, and
     * {@code access: operate} where a route changes something); signing in and out are missing: the key in the form
     * is the credential.
     */
    private static final Map<String, Access> NEEDED = Map.of(
            "GET /console", Access.READ,
            "GET /console/event", Access.READ,
            "GET /console/tasks", Access.READ,
            "GET /console/dead-letters", Access.READ,
            "GET /console/replay", Access.READ,
            "POST /console/replay", Access.OPERATE,
            "GET /console/rules", Access.READ,
            "POST /console/rules", Access.READ);

    private final ActivityPage activity;
    private final EventPage event;
    private final DeadLettersPage deadLetters;
    private final ReplayPage replay;
    private final TasksPage tasks;
    private final RuleTesterPage rules;
    private final SignInPage signIn;

    public ConsoleRoutes(ActivityPage activity, EventPage event, DeadLettersPage deadLetters, ReplayPage replay,
            TasksPage tasks, RuleTesterPage rules, SignInPage signIn) {
        this.signIn = signIn;
        this.activity = activity;
        this.event = event;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.tasks = tasks;
        this.rules = rules;
    }

    /** The access an operator needs for the route, or empty for a route open to everyone (signing in and out). */
    public static Optional<Access> needed(String route) {
        return Optional.ofNullable(NEEDED.get(route));
    }

    /** Whether a path is the console's: its session cookie is sent to these paths only. */
    public static boolean isConsolePath(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    /** @throws ProblemException for a route that is not the console's, or bad input */
    public HttpResponse handle(String route, HttpRequest request) {
        return switch (route) {
            case "GET /console" -> activity.show(request.query());
            case "GET /console/event" -> event.show(request.query(), request.caller());
            case "GET /console/dead-letters" -> deadLetters.show();
            case "GET /console/replay" -> replay.confirm(request);
            case "POST /console/replay" -> replay.act(request);
            case "GET /console/tasks" -> tasks.show(request.query());
            case "GET /console/rules" -> rules.show(request.query());
            case "POST /console/rules" -> rules.test(request);
            case "GET /console/sign-in" -> signIn.show();
            case "POST /console/sign-in" -> signIn.signIn(request);
            case "POST /console/sign-out" -> signIn.signOut(request);
            default -> throw new ProblemException(404, "Not Found", "no route " + route);
        };
    }
}
