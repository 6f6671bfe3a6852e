package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.intake.IntakeConfig;
import io.herald.signing.Hmac;
import io.herald.signing.SignatureBase;
import io.herald.signing.SignedRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /sim/xconnector/emit}: takes a CloudEvent (structured JSON; {@code id}, {@code time} and
 * {@code specversion} are filled in when missing), signs it as xConnector would and posts it to Herald's intake,
 * answering with intake's answer. It saves typing HMACs by hand in a tour. With {@code ?mode=binary} the event
 * goes in binary mode: attributes as {@code ce-} headers, the data as the body, signed over all of them.
 */
@ApplicationScoped
class EventEmitter {

    private final String sender;
    private final IntakeConfig intake;
    private final String intakeUrl;
    private final ObjectMapper json;
    private final SimulatorReplies replies;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    EventEmitter(@ConfigProperty(name = "herald.simulators.xconnector.sender", defaultValue = "xconnector") String sender,
            @ConfigProperty(name = "herald.simulators.xconnector.intake-url") String intakeUrl,
            IntakeConfig intake, ObjectMapper json, SimulatorReplies replies, Clock clock) {
        this.sender = sender;
        this.intakeUrl = intakeUrl;
        this.intake = intake;
        this.json = json;
        this.replies = replies;
        this.clock = clock;
    }

    private HttpRequest.Builder structured(ObjectNode event, String timestamp, String secret) throws IOException {
        byte[] body = json.writeValueAsBytes(event);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(intakeUrl))
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SignedRequest.SIGNATURE, Hmac.signatureHeader(secret, timestamp, body));
        }
        return request;
    }

    private HttpRequest.Builder binary(ObjectNode event, String timestamp, String secret) throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        event.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("data") && !field.getKey().equals("datacontenttype")) {
                JsonNode value = field.getValue();
                attributes.put("ce-" + field.getKey(), value.isTextual() ? value.asText() : value.toString());
            }
        });
        String contentType = event.path("datacontenttype").asText("application/json");
        byte[] body = event.has("data") ? json.writeValueAsBytes(event.get("data")) : new byte[0];
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(intakeUrl))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        attributes.forEach(request::header);
        if (secret != null) {
            request.header(SignedRequest.SIGNATURE,
                    Hmac.signatureHeader(secret, SignatureBase.ofBinary(timestamp, contentType, attributes, body)));
        }
        return request;
    }

    /** Runs on a worker thread: it waits for intake's answer. */
    void emit(RoutingContext ctx) {
        try {
            JsonNode parsed = json.readTree(ctx.body().buffer().getBytes());
            if (!(parsed instanceof ObjectNode event)) {
                replies.send(ctx, 400, Map.of("error", "post one CloudEvent as a JSON object"));
                return;
            }
            event.putIfAbsent("specversion", event.textNode("1.0"));
            event.putIfAbsent("id", event.textNode(UUID.randomUUID().toString()));
            event.putIfAbsent("time", event.textNode(clock.instant().toString()));
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            IntakeConfig.Sender credentials = intake.senders().get(sender);
            String secret = credentials == null ? null : credentials.secret().orElseThrow();
            HttpRequest.Builder request = "binary".equals(ctx.request().getParam("mode"))
                    ? binary(event, timestamp, secret)
                    : structured(event, timestamp, secret);
            if (secret != null) {
                request.header(SignedRequest.SENDER, sender).header(SignedRequest.TIMESTAMP, timestamp);
            }
            HttpResponse<String> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ctx.response().setStatusCode(answer.statusCode())
                    .putHeader("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .end(answer.body());
        } catch (IOException e) {
            replies.send(ctx, 400, Map.of("error", "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replies.send(ctx, 503, Map.of("error", "interrupted"));
        }
    }
}
