package io.herald.config.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SSM Parameter Store as far as {@code GetParameters} goes, over its JSON 1.1 protocol: answers the parameters it
 * holds as SecureStrings, lists the others under {@code InvalidParameters}, and records every request as it came.
 */
public final class SsmStub implements AutoCloseable {

    /** One request as the stub received it. */
    public record Request(String method, String path, String target, String contentType, String authorization,
            String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    public SsmStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SsmStub with(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    /** From now on every call is refused with 400 and this AWS error type, as for a role without access. */
    SsmStub refusing(String errorType) {
        refusal = errorType;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        if (refusal != null) {
            ObjectNode error = JSON.createObjectNode().put("__type", refusal).put("message",
                    "User: arn:aws:sts::123456789012:assumed-role/herald-intake is not authorized to perform: "
                            + "ssm:GetParameters");
            respond(exchange, 400, error);
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("Parameters");
        ArrayNode invalid = answer.putArray("InvalidParameters");
        for (JsonNode name : request.json().path("Names")) {
            String value = parameters.get(name.asText());
            if (value == null) {
                invalid.add(name.asText());
            } else {
                found.addObject().put("Name", name.asText()).put("Type", "SecureString").put("Value", value)
                        .put("Version", 1).put("ARN", "arn:aws:ssm:eu-central-1:123456789012:parameter"
                                + name.asText()).put("DataType", "text");
            }
        }
        respond(exchange, 200, answer);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
