package io.herald.links;

import io.herald.domain.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the action links of a message: one per allowed action, all carrying one fresh token bound to the task
 * and the recipient. Opening a link only shows a confirmation page; the action happens when it is confirmed.
 */
@ApplicationScoped
public class ActionLinks {

    public static final String PATH = "/act";

    private final ActionTokens tokens;
    private final String baseUrl;

    public ActionLinks(ActionTokens tokens, @ConfigProperty(name = "herald.callback.base-url") String baseUrl) {
        this.tokens = tokens;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A link as templates see it. */
    public record Link(String action, String label, String url) {
    }

    public List<Link> of(Task task, String recipient) {
        String token = URLEncoder.encode(tokens.issue(task.id(), recipient, task.actions()), StandardCharsets.UTF_8);
        return task.actions().stream()
                .map(action -> new Link(action, label(action), baseUrl + PATH + "?token=" + token + "&action="
                        + URLEncoder.encode(action, StandardCharsets.UTF_8)))
                .toList();
    }

    public static String label(String action) {
        String words = action.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
