package io.herald.intake;

import io.cloudevents.CloudEvent;
import io.herald.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A sender may speak only for the event sources it is configured for, so one system cannot pose as another. */
@ApplicationScoped
public class SourcePolicy {

    private final IntakeConfig config;

    public SourcePolicy(IntakeConfig config) {
        this.config = config;
    }

    public void check(String sender, CloudEvent event) {
        List<String> allowed = config.senders().get(sender).sources().orElse(List.of());
        String source = event.getSource().toString();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(source::startsWith)) {
            throw new ProblemException(403, "Forbidden",
                    "sender '" + sender + "' may not send events with source '" + source + "'");
        }
    }
}
