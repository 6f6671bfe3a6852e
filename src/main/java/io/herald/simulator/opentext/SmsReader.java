package io.herald.simulator.opentext;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks the body of {@code POST /mra/v1/outbound/sms}: destinations with {@code sms} and a
 * {@code sms_text}; {@code options} optional.
 */
final class SmsReader {

    private SmsReader() {
    }

    record SmsRequest(List<RecordedDestination> destinations, String text, String customerReference,
                      String billingCode) {
    }

    static SmsRequest read(JsonObject body) throws InvalidSubmission {
        JsonFields fields = new JsonFields();
        List<RecordedDestination> destinations = new ArrayList<>();
        JsonArray array = fields.nonEmptyArray(body, "destinations", "destinations");
        for (int i = 0; array != null && i < array.size(); i++) {
            String path = "destinations[" + i + "]";
            JsonObject destination = fields.objectAt(array, i, path);
            if (destination != null) {
                String number = fields.requiredText(destination, "sms", path + ".sms");
                String ref = fields.optionalText(destination, "ref", path + ".ref");
                destinations.add(new RecordedDestination(number, ref));
            }
        }
        String text = fields.requiredText(body, "sms_text", "sms_text");
        JsonObject options = fields.optionalObject(body, "options", "options");
        String customerReference = fields.optionalText(options, "customer_reference", "options.customer_reference");
        String billingCode = fields.optionalText(options, "billing_code", "options.billing_code");
        fields.check();
        return new SmsRequest(destinations, text, customerReference, billingCode);
    }
}
