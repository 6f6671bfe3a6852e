package io.herald.notifier.opentext.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.notifier.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Body of {@code POST /mra/v1/outbound/emails}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailSubmission(List<Destination> destinations, List<BodyPart> body, Options options) {

    /** One e-mail for the message's recipients; the HTML part comes first, then the plain-text alternative. */
    public static EmailSubmission of(OutboundMessage message, String billingCode) {
        List<BodyPart> parts = new ArrayList<>(2);
        if (message.html() != null) {
            parts.add(BodyPart.utf8("body.html", "text/html", message.html()));
        }
        if (message.text() != null) {
            parts.add(BodyPart.utf8("body.txt", "text/plain", message.text()));
        }
        return new EmailSubmission(
                message.destinations().stream().map(d -> new Destination(d.address(), d.ref())).toList(),
                parts,
                new Options(new EmailOptions(message.subject()), message.customerReference(), billingCode));
    }

    /** {@code ref} comes back in status answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Destination(String email, String ref) {
    }

    /** {@code data} is the base64 of the part's bytes in {@code charset}. */
    public record BodyPart(String name, String type, String charset, String data) {

        static BodyPart utf8(String name, String type, String content) {
            String data = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
            return new BodyPart(name, type, "UTF-8", data);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Options(
            @JsonProperty("email_options") EmailOptions emailOptions,
            @JsonProperty("customer_reference") String customerReference,
            @JsonProperty("billing_code") String billingCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmailOptions(String subject) {
    }
}
