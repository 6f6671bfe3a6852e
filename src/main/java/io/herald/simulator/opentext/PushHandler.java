package io.herald.simulator.opentext;

import io.herald.notifier.opentext.OpenTextConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/** The AppWorks Gateway's {@code POST /deployments/notifications/{app}/push} for the configured application. */
@ApplicationScoped
class PushHandler {

    private final OpenTextConfig config;
    private final SimulatedCredentials credentials;
    private final SubmissionRecorder recorder;
    private final JsonReplies replies;
    private final Clock clock;

    @Inject
    PushHandler(OpenTextConfig config, SimulatedCredentials credentials, SubmissionRecorder recorder,
                JsonReplies replies, Clock clock) {
        this.config = config;
        this.credentials = credentials;
        this.recorder = recorder;
        this.replies = replies;
        this.clock = clock;
    }

    void push(RoutingContext context) {
        if (!credentials.mayCallApi(context.request().getHeader("Authorization"))) {
            replies.error(context, 401, "unauthorized", "Missing, expired or unknown credentials");
            return;
        }
        String app = context.pathParam("app");
        if (!config.appName().equals(app)) {
            replies.error(context, 404, "unknown_app", "No application " + app + " is deployed");
            return;
        }
        try {
            PushReader.PushRequest push = PushReader.read(JsonFields.parseObject(context.body().asString()));
            recorder.record(RecordedSubmission.push(app, clock.instant(), push));
            replies.send(context, 200, Map.of());
        } catch (InvalidSubmission invalid) {
            replies.error(context, 400, "invalid_request", "The request body is not valid", invalid.problems());
        }
    }
}
