package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.opentext.wire.EmailSubmission;
import io.herald.notifier.opentext.wire.PushNotification;
import io.herald.notifier.opentext.wire.SmsSubmission;
import org.junit.jupiter.api.Test;

/** Herald's requests, serialized, equal OpenText's published samples field by field. */
class WireFormatTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void emailSubmissionHasThePublishedShapeWithBase64Utf8Bodies() throws Exception {
        OutboundMessage message = new OutboundMessage("sub-42", "n-42", Channel.EMAIL, "ada@example.com",
                "Order shipped", "<p>Grüße, Ada</p>", "Grüße, Ada", Priority.HIGH, "evt-7");

        JsonNode sent = mapper.valueToTree(EmailSubmission.of(message, "CC-100"));

        assertThat(sent).isEqualTo(mapper.readTree(Fixtures.read("email-submission.json")));
    }

    @Test
    void emailWithoutHtmlOrBillingCodeLeavesThemOut() {
        OutboundMessage message = new OutboundMessage("sub-42", "n-42", Channel.EMAIL, "ada@example.com",
                "Order shipped", null, "plain only", Priority.NORMAL, "evt-7");

        JsonNode sent = mapper.valueToTree(EmailSubmission.of(message, null));

        assertThat(sent.get("body")).hasSize(1);
        assertThat(sent.get("body").get(0).get("type").asText()).isEqualTo("text/plain");
        assertThat(sent.get("options").has("billing_code")).isFalse();
    }

    @Test
    void smsSubmissionHasThePublishedShape() throws Exception {
        OutboundMessage message = new OutboundMessage("sub-43", "n-43", Channel.SMS, "+4917612345678",
                null, null, "Order 7 shipped", Priority.NORMAL, "evt-7");

        JsonNode sent = mapper.valueToTree(SmsSubmission.of(message));

        assertThat(sent).isEqualTo(mapper.readTree(Fixtures.read("sms-submission.json")));
    }

    @Test
    void pushCarriesTitleSummaryUserAndHeraldsReferences() throws Exception {
        OutboundMessage message = new OutboundMessage("sub-44", "n-44", Channel.INAPP, "ada",
                "Order shipped", null, "Order 7 is on its way", Priority.HIGH, "evt-7");

        JsonNode sent = mapper.valueToTree(PushNotification.of(message));

        assertThat(sent).isEqualTo(mapper.readTree(Fixtures.read("push-notification.json")));
    }
}
