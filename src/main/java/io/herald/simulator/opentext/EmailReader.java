package io.herald.simulator.opentext;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads and checks the body of {@code POST /mra/v1/outbound/emails}: destinations with {@code email}, body parts
 * with {@code name}, {@code type} and base64 {@code data}; {@code options} optional.
 */
final class EmailReader {

    private EmailReader() {
    }

    /** An e-mail as sent, bodies decoded. {@code html} and {@code text} are null when that part is missing. */
    record EmailRequest(List<RecordedDestination> destinations, String subject, String html, String text,
                        String customerReference, String billingCode) {
    }

    static EmailRequest read(JsonObject body) throws InvalidSubmission {
        JsonFields fields = new JsonFields();
        List<RecordedDestination> destinations = destinations(body, fields);
        String html = null;
        String text = null;
        JsonArray parts = fields.nonEmptyArray(body, "body", "body");
        for (int i = 0; parts != null && i < parts.size(); i++) {
            String path = "body[" + i + "]";
            JsonObject part = fields.objectAt(parts, i, path);
            if (part == null) {
                continue;
            }
            fields.requiredText(part, "name", path + ".name");
            String type = fields.requiredText(part, "type", path + ".type");
            String charset = fields.optionalText(part, "charset", path + ".charset");
            String data = fields.requiredText(part, "data", path + ".data");
            String decoded = data == null ? null : decode(data, charset, path, fields);
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                html = decoded;
            } else if (type != null) {
                text = decoded;
            }
        }
        JsonObject options = fields.optionalObject(body, "options", "options");
        JsonObject emailOptions = fields.optionalObject(options, "email_options", "options.email_options");
        String subject = fields.optionalText(emailOptions, "subject", "options.email_options.subject");
        String customerReference = fields.optionalText(options, "customer_reference", "options.customer_reference");
        String billingCode = fields.optionalText(options, "billing_code", "options.billing_code");
        fields.check();
        return new EmailRequest(destinations, subject, html, text, customerReference, billingCode);
    }

    private static List<RecordedDestination> destinations(JsonObject body, JsonFields fields) {
        List<RecordedDestination> destinations = new ArrayList<>();
        JsonArray array = fields.nonEmptyArray(body, "destinations", "destinations");
        for (int i = 0; array != null && i < array.size(); i++) {
            String path = "destinations[" + i + "]";
            JsonObject destination = fields.objectAt(array, i, path);
            if (destination != null) {
                String email = fields.requiredText(destination, "email", path + ".email");
                String ref = fields.optionalText(destination, "ref", path + ".ref");
                destinations.add(new RecordedDestination(email, ref));
            }
        }
        return destinations;
    }

    private static String decode(String data, String charsetName, String path, JsonFields fields) {
        Charset charset;
        try {
            charset = charsetName == null ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            fields.problem(path + ".charset " + charsetName + " is not supported");
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(data), charset);
        } catch (IllegalArgumentException notBase64) {
            fields.problem(path + ".data must be base64");
            return null;
        }
    }
}
