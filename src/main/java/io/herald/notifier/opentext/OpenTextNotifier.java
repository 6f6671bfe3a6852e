package io.herald.notifier.opentext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.notifier.DeliveryReport.Outcome;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.Notifier;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.SendFailure;
import io.herald.notifier.SubmitReceipt;
import io.herald.notifier.opentext.wire.EmailSubmission;
import io.herald.notifier.opentext.wire.JobAccepted;
import io.herald.notifier.opentext.wire.JobStatus;
import io.herald.notifier.opentext.wire.PushNotification;
import io.herald.notifier.opentext.wire.SmsSubmission;
import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends e-mail and SMS through OpenText Notifications' messaging API and in-app notifications through the
 * OpenText AppWorks Gateway.
 *
 * <p>E-mail and SMS carry {@link OutboundMessage#submitId()} as {@code X-MRA-SubmitId}, so a repeated submission is
 * answered with the original job. The gateway has neither an idempotency key nor a status endpoint: an in-app
 * receipt is {@code push-<submitId>}, the submit id travels in the push's {@code data}, and an accepted push is
 * reported {@link Outcome#DELIVERED}.
 *
 * <p>Calls block; call from a worker thread, not the event loop. Failures follow {@link SendFailure}'s contract.
 */
@DefaultBean
@ApplicationScoped
public class OpenTextNotifier implements Notifier {

    /** Prefix of the receipt ids Herald makes up for in-app pushes. */
    public static final String PUSH_RECEIPT_PREFIX = "push-";

    /** The state reported for an accepted in-app push, for which the gateway reports nothing. */
    public static final String PUSH_ACCEPTED = "Accepted";

    private final OpenTextClients clients;
    private final ProviderExchange exchange;
    private final WireJson json;
    private final ProviderFailures failures;
    private final OpenTextConfig config;
    private final ObjectMapper mapper;

    @Inject
    OpenTextNotifier(OpenTextClients clients, ProviderExchange exchange, WireJson json, ProviderFailures failures,
                     OpenTextConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.clients = clients;
        this.exchange = exchange;
        this.json = json;
        this.failures = failures;
        this.config = config;
    }

    @Override
    public SubmitReceipt submit(OutboundMessage message) throws SendFailure {
        SubmitReceipt receipt = switch (message.channel()) {
            case EMAIL -> submitEmail(message);
            case SMS -> submitSms(message);
            case INAPP -> push(message);
        };
        Log.debugf("OpenText accepted %s %s as %s", message.channel().id(), message.submitId(), receipt.jobId());
        return receipt;
    }

    @Override
    public Map<String, DeliveryReport> readStatusPush(byte[] body) {
        try {
            return StatusPushes.read(mapper, body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenText Notifications status", e);
        }
    }

    /**
     * @return the last attempt's outcome for {@code recipientRef}; in-app pushes are always delivered
     */
    @Override
    public DeliveryReport status(Channel channel, String jobId, String recipientRef) throws SendFailure {
        if (channel == Channel.INAPP) {
            return new DeliveryReport(Outcome.DELIVERED, PUSH_ACCEPTED);
        }
        return DeliveryReports.forRecipient(jobStatus(channel, jobId), recipientRef);
    }

    /** One status call for the whole job; in-app pushes are always delivered. */
    @Override
    public Map<String, DeliveryReport> statuses(Channel channel, String jobId, List<String> recipientRefs)
            throws SendFailure {
        Map<String, DeliveryReport> listed = channel == Channel.INAPP ? Map.of()
                : DeliveryReports.forEachRecipient(jobStatus(channel, jobId));
        Map<String, DeliveryReport> reports = new LinkedHashMap<>();
        for (String ref : recipientRefs) {
            reports.put(ref, channel == Channel.INAPP ? new DeliveryReport(Outcome.DELIVERED, PUSH_ACCEPTED)
                    : listed.getOrDefault(ref, new DeliveryReport(Outcome.IN_PROGRESS, null)));
        }
        return reports;
    }

    private JobStatus jobStatus(Channel channel, String jobId) throws SendFailure {
        OpenTextMessagingApi messaging = clients.messaging();
        ProviderReply reply = switch (channel) {
            case EMAIL -> exchange.send(auth -> messaging.emailStatus(auth, jobId));
            case SMS -> exchange.send(auth -> messaging.smsStatus(auth, jobId));
            case INAPP -> throw new IllegalArgumentException("in-app pushes have no status to ask for");
        };
        return json.read(reply, JobStatus.class);
    }

    private SubmitReceipt submitEmail(OutboundMessage message) throws SendFailure {
        EmailSubmission submission = EmailSubmission.of(message, config.billingCode().orElse(null));
        ProviderReply reply = exchange.send(
                auth -> clients.messaging().submitEmail(auth, message.submitId(), submission));
        return receipt(reply);
    }

    private SubmitReceipt submitSms(OutboundMessage message) throws SendFailure {
        SmsSubmission submission = SmsSubmission.of(message);
        ProviderReply reply = exchange.send(
                auth -> clients.messaging().submitSms(auth, message.submitId(), submission));
        return receipt(reply);
    }

    private SubmitReceipt push(OutboundMessage message) throws SendFailure {
        PushNotification notification = PushNotification.of(message);
        exchange.send(auth -> clients.gateway().push(config.appName(), auth, notification));
        return new SubmitReceipt(PUSH_RECEIPT_PREFIX + message.submitId());
    }

    private SubmitReceipt receipt(ProviderReply reply) throws SendFailure {
        JobAccepted accepted = json.read(reply, JobAccepted.class);
        if (accepted.jobId() == null || accepted.jobId().isBlank()) {
            throw failures.unusable(reply, "answer without job_id");
        }
        return new SubmitReceipt(accepted.jobId());
    }
}
