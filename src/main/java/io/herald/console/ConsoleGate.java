package io.herald.console;

import io.herald.access.Access;
import io.herald.access.ConsoleSessions;
import io.herald.access.OperatorAccess;
import io.herald.access.OperatorRequest;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.Problem;
import io.herald.http.ResponseWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Lets a request to the console in only for operators, where nothing in front of the function does: in the cloud
 * API Gateway passes the console's routes through unchecked, because a browser cannot sign its requests for IAM.
 * The decision is the one Herald's own HTTP server makes ({@link OperatorAccess}): an API key as
 * {@code Authorization: Bearer}, or the session cookie a browser was given on signing in; a form posted with the
 * session must carry its form token as well (checked by the page). Admitted requests reach the console with the
 * operator's name as their caller, for the audit trail, and are logged with it.
 */
@ApplicationScoped
public class ConsoleGate {

    private static final Logger ACCESS = Logger.getLogger("io.herald.access");
    /** How long an identity provider may take to vouch for a token before the request is refused. */
    private static final Duration TOKEN_CHECK = Duration.ofSeconds(5);

    private final OperatorAccess access;
    private final ConsoleFunction console;
    private final ResponseWriter responses;

    public ConsoleGate(OperatorAccess access, ConsoleFunction console, ResponseWriter responses) {
        this.access = access;
        this.console = console;
        this.responses = responses;
    }

    /** The console's answer to an operator, or the refusal of anyone else. */
    public HttpResponse handle(String route, HttpRequest request) {
        Optional<Access> needed = ConsoleRoutes.needed(route);
        if (needed.isEmpty()) {
            return console.handle(route, request);
        }
        String authorization = request.header("authorization");
        OperatorRequest decided = access.decideNow(authorization, SessionCookie.of(request).orElse(null),
                needed.get()).orElseGet(() -> access.verifyToken(authorization, needed.get()).await()
                        .atMost(TOKEN_CHECK));
        if (sendsToSignIn(request.method(), request.path(), authorization, request.header("accept"), decided)) {
            Map<String, String> headers = new LinkedHashMap<>(ConsolePages.HEADERS);
            headers.put("Location", ConsoleRoutes.PREFIX + "/sign-in");
            return new HttpResponse(303, headers, new byte[0]);
        }
        if (!decided.admitted()) {
            HttpResponse refusal = responses.problem(Problem.of(decided.status(),
                    decided.status() == 401 ? "Unauthorized" : "Forbidden", decided.reason()));
            if (decided.status() != 401) {
                return refusal;
            }
            Map<String, String> headers = new LinkedHashMap<>(refusal.headers());
            headers.put("WWW-Authenticate", "Bearer realm=\"herald\"");
            return new HttpResponse(401, headers, refusal.body());
        }
        String caller = decided.operator() == null ? null : decided.operator().name();
        if (caller != null) {
            ACCESS.infof("operator %s: %s %s", caller, request.method(), request.path());
        }
        return console.handle(route, new HttpRequest(request.method(), request.path(), request.headers(),
                request.query(), request.body(), request.pathParameters(), caller));
    }

    /**
     * Whether a refused request is a browser opening a console page without credentials, or with a session that
     * ended ({@link ConsoleSessions#COOKIE}): it is sent to the sign-in form instead of being shown a problem.
     */
    public static boolean sendsToSignIn(String method, String path, String authorization, String accept,
            OperatorRequest decided) {
        return decided.status() == 401 && "GET".equalsIgnoreCase(method) && authorization == null
                && accept != null && accept.contains("text/html") && ConsoleRoutes.isConsolePath(path);
    }
}
