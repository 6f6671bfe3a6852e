package io.herald.simulator.opentext;

import io.herald.domain.Channel;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The messaging API under {@code /mra/v1/outbound}: e-mail and SMS submission and status. */
@ApplicationScoped
class MessagingHandler {

    static final String SUBMIT_ID = "X-MRA-SubmitId";

    private final SimulatedCredentials credentials;
    private final SubmissionRecorder recorder;
    private final FaultPlan plan;
    private final JsonReplies replies;
    private final Clock clock;

    @Inject
    MessagingHandler(SimulatedCredentials credentials, SubmissionRecorder recorder, FaultPlan plan,
                     JsonReplies replies, Clock clock) {
        this.credentials = credentials;
        this.recorder = recorder;
        this.plan = plan;
        this.replies = replies;
        this.clock = clock;
    }

    void submitEmail(RoutingContext context) {
        if (!authorized(context)) {
            return;
        }
        try {
            EmailReader.EmailRequest email = EmailReader.read(JsonFields.parseObject(context.body().asString()));
            accept(context, RecordedSubmission.email(submitId(context), newJobId(Channel.EMAIL), clock.instant(), email));
        } catch (InvalidSubmission invalid) {
            rejectInvalid(context, invalid);
        }
    }

    void submitSms(RoutingContext context) {
        if (!authorized(context)) {
            return;
        }
        try {
            SmsReader.SmsRequest sms = SmsReader.read(JsonFields.parseObject(context.body().asString()));
            accept(context, RecordedSubmission.sms(submitId(context), newJobId(Channel.SMS), clock.instant(), sms));
        } catch (InvalidSubmission invalid) {
            rejectInvalid(context, invalid);
        }
    }

    void emailStatus(RoutingContext context) {
        status(context, Channel.EMAIL);
    }

    void smsStatus(RoutingContext context) {
        status(context, Channel.SMS);
    }

    /**
     * Every delivery of the job, in the order of its destinations, reports a first attempt {@code Submitted}, then
     * the plan's delivery state for its address if different.
     */
    private void status(RoutingContext context, Channel channel) {
        if (!authorized(context)) {
            return;
        }
        String jobId = context.queryParams().get("job_id");
        if (jobId == null || jobId.isBlank()) {
            replies.error(context, 400, "invalid_request", "job_id is required");
            return;
        }
        recorder.job(channel, jobId).ifPresentOrElse(
                submission -> replies.send(context, 200, statusOf(submission, plan::deliveryStateOf)),
                () -> replies.error(context, 404, "not_found", "No " + channel.id() + " job " + jobId));
    }

    private void accept(RoutingContext context, RecordedSubmission submission) {
        RecordedSubmission onRecord = recorder.recordOnce(submission);
        replies.send(context, 200, Map.of("job_id", onRecord.jobId()));
    }

    private boolean authorized(RoutingContext context) {
        if (credentials.mayCallApi(context.request().getHeader("Authorization"))) {
            return true;
        }
        replies.error(context, 401, "unauthorized", "Missing, expired or unknown credentials");
        return false;
    }

    private void rejectInvalid(RoutingContext context, InvalidSubmission invalid) {
        replies.error(context, 400, "invalid_request", "The request body is not valid", invalid.problems());
    }

    private static String submitId(RoutingContext context) {
        String submitId = context.request().getHeader(SUBMIT_ID);
        return submitId == null || submitId.isBlank() ? null : submitId;
    }

    private static String newJobId(Channel channel) {
        return "sim-" + channel.id() + "-" + UUID.randomUUID();
    }

    private static Map<String, Object> statusOf(RecordedSubmission submission, UnaryOperator<String> stateOf) {
        String time = submission.receivedAt().toString();
        List<Map<String, Object>> deliveries = new ArrayList<>();
        boolean processing = false;
        for (RecordedDestination destination : submission.destinations()) {
            String finalState = stateOf.apply(destination.address());
            processing |= "Submitted".equals(finalState);
            List<Map<String, Object>> attempts = new ArrayList<>();
            attempts.add(attempt("Submitted", time));
            if (!"Submitted".equals(finalState)) {
                attempts.add(attempt(finalState, time));
            }
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("ref", destination.ref());
            delivery.put("destination", destination.address());
            delivery.put("delivery_attempts", attempts);
            deliveries.add(delivery);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("job_id", submission.jobId());
        status.put("job_state", List.of(processing ? "Processing" : "Complete"));
        status.put("deliveries", deliveries);
        return status;
    }

    private static Map<String, Object> attempt(String state, String time) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("state", state);
        attempt.put("gamma_code", "Sent".equals(state) || "Submitted".equals(state) ? "0" : "550");
        attempt.put("time", time);
        return attempt;
    }
}
