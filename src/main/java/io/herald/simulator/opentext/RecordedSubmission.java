package io.herald.simulator.opentext;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A submission the simulator accepted, decoded. Fields that do not apply to the channel are null.
 *
 * @param submitId the {@code X-MRA-SubmitId} header; null for pushes, which have none
 * @param jobId the {@code job_id} answered; null for pushes
 * @param subject e-mail subject
 * @param html e-mail HTML part, base64-decoded
 * @param text e-mail plain-text part, base64-decoded
 * @param smsText SMS text
 * @param title push title
 * @param summary push summary
 * @param users push target users
 * @param otdsGroups push target OTDS groups
 * @param data push data
 * @param app AppWorks application a push was addressed to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedSubmission(
        Channel channel,
        String submitId,
        String jobId,
        List<RecordedDestination> destinations,
        String subject,
        String html,
        String text,
        String smsText,
        String title,
        String summary,
        List<String> users,
        List<String> otdsGroups,
        Map<String, Object> data,
        String app,
        String customerReference,
        String billingCode,
        Instant receivedAt) {

    static RecordedSubmission email(String submitId, String jobId, Instant receivedAt, EmailReader.EmailRequest email) {
        return new RecordedSubmission(Channel.EMAIL, submitId, jobId, email.destinations(), email.subject(),
                email.html(), email.text(), null, null, null, null, null, null, null,
                email.customerReference(), email.billingCode(), receivedAt);
    }

    static RecordedSubmission sms(String submitId, String jobId, Instant receivedAt, SmsReader.SmsRequest sms) {
        return new RecordedSubmission(Channel.SMS, submitId, jobId, sms.destinations(), null, null, null,
                sms.text(), null, null, null, null, null, null,
                sms.customerReference(), sms.billingCode(), receivedAt);
    }

    static RecordedSubmission push(String app, Instant receivedAt, PushReader.PushRequest push) {
        List<RecordedDestination> destinations = push.users().stream()
                .map(user -> new RecordedDestination(user, null))
                .toList();
        return new RecordedSubmission(Channel.INAPP, null, null, destinations, null, null, null, null,
                push.title(), push.summary(), push.users(), push.otdsGroups(), push.data(), app,
                null, null, receivedAt);
    }

    /** Whether one of the destinations is {@code address} (compared ignoring case, as e-mail addresses are). */
    public boolean isTo(String address) {
        return destinations.stream().anyMatch(destination -> destination.address().equalsIgnoreCase(address));
    }
}
