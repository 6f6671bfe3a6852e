package io.herald.console;

import io.herald.http.HttpResponse;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders the console's pages ({@code templates/console/<name>.html}). Every value is HTML-escaped by Qute; the
 * charts are the only markup passed through, and they are built from escaped text ({@link SvgCharts}).
 */
@ApplicationScoped
public class ConsolePages {

    /**
     * Operators' pages show what Herald stores: not framed, not cached, no referrer, and nothing running but the
     * page's own styles and forms posting back to Herald. The activity page refreshes itself by a meta tag.
     */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY");

    private final Engine engine;

    public ConsolePages(Engine engine) {
        this.engine = engine;
    }

    /** The page {@code name} with its data, answered with {@code status}. */
    public HttpResponse render(int status, String name, Map<String, Object> data) {
        TemplateInstance page = engine.getTemplate("console/" + name + ".html").instance();
        data.forEach(page::data);
        return new HttpResponse(status, HEADERS, page.render().getBytes(StandardCharsets.UTF_8));
    }
}
