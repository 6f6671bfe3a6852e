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
import java.util.List;
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
    void aPageOfAnAnnouncementIsOneEmailSubmissionToAllItsDestinations() throws Exception {
        OutboundMessage page = OutboundMessage.toMany("ann-1:2", Channel.EMAIL, List.of(
                new OutboundMessage.Destination("bob@example.com", "ann-1:2/bob"),
                new OutboundMessage.Destination("dave@example.com", "ann-1:2/dave")),
                "[Wartung] ERP", "<p>Wartung am Samstag</p>", "Wartung am Samstag", Priority.NORMAL, "evt-9");

        JsonNode sent = mapper.valueToTree(EmailSubmission.of(page, null));

        assertThat(sent).isEqualTo(mapper.readTree("""
                {
                  "destinations": [
                    {"email": "bob@example.com", "ref": "ann-1:2/bob"},
                    {"email": "dave@example.com", "ref": "ann-1:2/dave"}
                  ],
                  "body": [
                    {"name": "body.html", "type": "text/html", "charset": "UTF-8",
                     "data": "PHA+V2FydHVuZyBhbSBTYW1zdGFnPC9wPg=="},
                    {"name": "body.txt", "type": "text/plain", "charset": "UTF-8",
                     "data": "V2FydHVuZyBhbSBTYW1zdGFn"}
                  ],
                  "options": {
                    "email_options": {"subject": "[Wartung] ERP"},
                    "customer_reference": "evt-9"
                  }
                }
                """));
    }

    @Test
    void aPageOfAnAnnouncementIsOneSmsSubmissionAndOnePushToAllItsDestinations() throws Exception {
        List<OutboundMessage.Destination> two = List.of(new OutboundMessage.Destination("+4915110000002", "p/bob"),
                new OutboundMessage.Destination("+4915110000004", "p/dave"));
        OutboundMessage sms = OutboundMessage.toMany("p", Channel.SMS, two, null, null, "ERP down Sat 06-10",
                Priority.NORMAL, "evt-9");
        OutboundMessage push = OutboundMessage.toMany("p", Channel.INAPP, List.of(
                new OutboundMessage.Destination("bob", "p/bob"), new OutboundMessage.Destination("dave", "p/dave")),
                "ERP", null, "ERP down Sat 06-10", Priority.NORMAL, "evt-9");

        assertThat(mapper.valueToTree(SmsSubmission.of(sms)).toString()).isEqualTo("{\"destinations\":["
                + "{\"sms\":\"+4915110000002\",\"ref\":\"p/bob\"},{\"sms\":\"+4915110000004\",\"ref\":\"p/dave\"}],"
                + "\"sms_text\":\"ERP down Sat 06-10\",\"options\":{\"customer_reference\":\"evt-9\"}}");
        assertThat(mapper.valueToTree(PushNotification.of(push)).toString()).isEqualTo("{\"users\":[\"bob\","
                + "\"dave\"],\"otdsGroups\":[],\"title\":\"ERP\",\"summary\":\"ERP down Sat 06-10\",\"data\":"
                + "{\"ref\":\"p/bob\",\"submitId\":\"p\",\"customerReference\":\"evt-9\",\"priority\":\"normal\"}}");
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
