package io.herald.notifier.opentext.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.notifier.OutboundMessage;
import java.util.List;

/** Body of {@code POST /mra/v1/outbound/sms}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsSubmission(
        List<Destination> destinations,
        @JsonProperty("sms_text") String smsText,
        Options options) {

    /** One SMS text to the message's phone numbers (E.164). */
    public static SmsSubmission of(OutboundMessage message) {
        return new SmsSubmission(
                message.destinations().stream().map(d -> new Destination(d.address(), d.ref())).toList(),
                message.text(),
                new Options(message.customerReference()));
    }

    /** {@code ref} comes back in status answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Destination(String sms, String ref) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Options(@JsonProperty("customer_reference") String customerReference) {
    }
}
