package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.intake.Hmac;
import io.herald.intake.IntakeConfig;
import io.herald.intake.SignedRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A stand-in for xConnector in local mode. It plays both of xConnector's parts:
 * <ul>
 * <li>{@code POST /sim/xconnector/emit}: takes a CloudEvent (structured JSON; {@code id}, {@code time} and
 * {@code specversion} are filled in when missing), signs it as xConnector would and posts it to Herald's
 * intake, answering with intake's answer. It saves typing HMACs by hand in a tour.</li>
 * <li>{@code /sim/xconnector/writebacks}: receives write-back calls ({@code POST}), lists them ({@code GET})
 * and forgets them ({@code DELETE}).</li>
 * </ul>
 */
@Singleton
public class XConnectorSimulator {

    static final String BASE = "/sim/xconnector";

    private final boolean enabled;
    private final String sender;
    private final IntakeConfig intake;
    private final String intakeUrl;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ReceivedWriteBack> writeBacks = new CopyOnWriteArrayList<>();

    XConnectorSimulator(@ConfigProperty(name = "herald.simulators.enabled") boolean enabled,
            @ConfigProperty(name = "herald.simulators.xconnector.sender", defaultValue = "xconnector") String sender,
            @ConfigProperty(name = "herald.simulators.xconnector.intake-url") String intakeUrl,
            IntakeConfig intake, ObjectMapper json, Clock clock) {
        this.enabled = enabled;
        this.sender = sender;
        this.intakeUrl = intakeUrl;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    /** A write-back as xConnector received it. */
    public record ReceivedWriteBack(Instant receivedAt, Map<String, String> headers, JsonNode body) {
    }

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.post(BASE + "/emit").handler(BodyHandler.create(false)).blockingHandler(this::emit, false);
        router.post(BASE + "/writebacks").handler(BodyHandler.create(false)).handler(this::receive);
        router.get(BASE + "/writebacks").handler(ctx -> respond(ctx, 200, Map.of("writebacks", writeBacks)));
        router.delete(BASE + "/writebacks").handler(ctx -> {
            writeBacks.clear();
            ctx.response().setStatusCode(204).end();
        });
    }

    public List<ReceivedWriteBack> writeBacks() {
        return new ArrayList<>(writeBacks);
    }

    private void emit(RoutingContext ctx) {
        try {
            JsonNode parsed = json.readTree(ctx.body().buffer().getBytes());
            if (!(parsed instanceof ObjectNode event)) {
                respond(ctx, 400, Map.of("error", "post one CloudEvent as a JSON object"));
                return;
            }
            event.putIfAbsent("specversion", event.textNode("1.0"));
            event.putIfAbsent("id", event.textNode(UUID.randomUUID().toString()));
            event.putIfAbsent("time", event.textNode(clock.instant().toString()));
            byte[] body = json.writeValueAsBytes(event);
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            IntakeConfig.Sender credentials = intake.senders().get(sender);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(intakeUrl))
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (credentials != null) {
                request.header(SignedRequest.SENDER, sender)
                        .header(SignedRequest.TIMESTAMP, timestamp)
                        .header(SignedRequest.SIGNATURE, Hmac.signatureHeader(credentials.secret(), timestamp, body));
            }
            HttpResponse<String> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ctx.response().setStatusCode(answer.statusCode())
                    .putHeader("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .end(answer.body());
        } catch (IOException e) {
            respond(ctx, 400, Map.of("error", "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(ctx, 503, Map.of("error", "interrupted"));
        }
    }

    private void receive(RoutingContext ctx) {
        try {
            JsonNode body = json.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            writeBacks.add(new ReceivedWriteBack(clock.instant(), headers, body));
            respond(ctx, 200, Map.of("status", "applied"));
        } catch (IOException e) {
            respond(ctx, 400, Map.of("error", "not JSON"));
        }
    }

    private void respond(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }
}
