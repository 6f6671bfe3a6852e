package io.herald.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import io.herald.http.HttpRequest;
import io.herald.http.Problem;
import io.herald.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CloudEvents of an HTTP request in any of the three modes of the HTTP binding: structured
 * ({@code application/cloudevents+json}), binary ({@code ce-*} headers) and batch
 * ({@code application/cloudevents-batch+json}).
 *
 * <p>A batch is all or nothing: if any of its events is invalid or too large, the whole request is refused with
 * one problem that lists each bad event by index, and nothing is stored. A sender can then fix and resend the
 * batch; events already accepted from an earlier attempt are recognised as duplicates.
 *
 * <p>Bodies are read by {@link StrictJson} (RFC 8259, I-JSON, bounded), attributes checked by
 * {@link AttributeRules} and binary-mode headers decoded by {@link BinaryModeHeaders} before the CloudEvents SDK
 * sees them: the SDK is lenient where the specifications are not, and what it lets through would be stored.
 */
@ApplicationScoped
public class CloudEventReader {

    static final String STRUCTURED = JsonFormat.CONTENT_TYPE;
    static final String BATCH = "application/cloudevents-batch+json";
    /** Builds events from the tree already read, as the SDK's {@link JsonFormat} would from its text. */
    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .addModule(JsonFormat.getCloudEventJacksonModule())
            .build();

    /** Whether requests of this media type carry their events in the body alone (structured and batch mode). */
    static boolean carriesEventsInBody(String mediaType) {
        return STRUCTURED.equals(mediaType) || BATCH.equals(mediaType);
    }

    private final IntakeConfig config;
    private final ObjectMapper json;

    public CloudEventReader(IntakeConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public List<CloudEvent> read(HttpRequest request) {
        checkEncoding(request);
        String mediaType = request.mediaType();
        if (BATCH.equals(mediaType)) {
            return readBatch(request.body());
        }
        checkSize(request.body().length, "the event");
        if (STRUCTURED.equals(mediaType)) {
            return List.of(readStructured(StrictJson.read(request.body(), "the event")));
        }
        if (mediaType.startsWith("application/cloudevents")) {
            throw new ProblemException(415, "Unsupported Media Type", "only the JSON event format is accepted: "
                    + STRUCTURED + " or " + BATCH + "; got '" + mediaType + "'");
        }
        if (request.header("ce-specversion") != null) {
            return List.of(readBinary(request));
        }
        throw new ProblemException(415, "Unsupported Media Type", "send a CloudEvent as " + STRUCTURED
                + " (structured), with ce-* headers (binary) or as " + BATCH + " (batch); got '" + mediaType + "'");
    }

    /**
     * The body is signed and read as sent, so a compressed one is refused rather than inflated. A charset parameter
     * is ignored: RFC 8259 defines none for JSON, whose text is UTF-8 whatever a header says.
     */
    private static void checkEncoding(HttpRequest request) {
        String encoding = request.header("content-encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "Content-Encoding '" + encoding.trim() + "' is not accepted; send the body uncompressed");
        }
    }

    private CloudEvent readStructured(JsonNode node) {
        if (!(node instanceof ObjectNode event)) {
            throw invalid("a structured event must be a JSON object");
        }
        AttributeRules.checkStructured(event);
        try {
            // Data sent as JSON was read strictly with the event; data_base64 is bytes the reading did not see.
            return checkData(EVENTS.treeToValue(event, CloudEvent.class), event.has("data_base64"));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | JsonProcessingException e) {
            throw invalid(describe(e));
        }
    }

    private CloudEvent readBinary(HttpRequest request) {
        BinaryModeHeaders headers = BinaryModeHeaders.of(request);
        AttributeRules.checkBinary(headers.attributes());
        try {
            return checkData(HttpMessageFactory.createReaderFromMultimap(headers.headers(), request.body())
                    .toEvent(), true);
        } catch (RuntimeException e) {
            throw invalid(describe(e));
        }
    }

    private List<CloudEvent> readBatch(byte[] body) {
        JsonNode array = StrictJson.read(body, "the batch");
        if (!array.isArray()) {
            throw invalid("a batch must be a JSON array of structured CloudEvents");
        }
        if (array.size() > config.maxBatchEvents()) {
            throw new ProblemException(413, "Payload Too Large",
                    "a batch holds at most " + config.maxBatchEvents() + " events; got " + array.size());
        }
        List<CloudEvent> events = new ArrayList<>(array.size());
        List<String> errors = new ArrayList<>();
        boolean tooLarge = false;
        for (int i = 0; i < array.size(); i++) {
            try {
                byte[] element = json.writeValueAsBytes(array.get(i));
                if (element.length > config.maxEventBytes()) {
                    tooLarge = true;
                    errors.add("event[" + i + "]: " + element.length + " bytes, more than the limit of "
                            + config.maxEventBytes());
                    continue;
                }
                events.add(readStructured(array.get(i)));
            } catch (ProblemException e) {
                errors.add("event[" + i + "]: " + e.problem().detail());
            } catch (RuntimeException | JsonProcessingException e) {
                errors.add("event[" + i + "]: " + describe(e));
            }
        }
        if (!errors.isEmpty()) {
            Problem problem = tooLarge
                    ? Problem.of(413, "Payload Too Large", "the batch was refused whole; nothing was stored")
                    : Problem.of(400, "Invalid CloudEvent", "the batch was refused whole; nothing was stored");
            throw new ProblemException(problem.withErrors(errors));
        }
        return events;
    }

    /**
     * Rules and templates read the data as JSON, so anything else is refused at the door.
     *
     * @param unread whether the data's bytes still have to be read as strict JSON
     */
    private CloudEvent checkData(CloudEvent event, boolean unread) {
        checkLength("id", event.getId(), 256);
        checkLength("source", event.getSource().toString(), 512);
        checkLength("type", event.getType(), 512);
        checkLength("subject", event.getSubject(), 1024);
        checkLength("datacontenttype", event.getDataContentType(), 256);
        if (event.getData() == null) {
            return event;
        }
        String type = event.getDataContentType();
        if (type != null && !isJson(type)) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "event data must be JSON; datacontenttype is '" + type + "'");
        }
        if (unread) {
            StrictJson.read(event.getData().toBytes(), "the event data");
        }
        return event;
    }

    private static void checkLength(String attribute, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid("attribute '" + attribute + "' is longer than " + max + " characters");
        }
    }

    private void checkSize(int bytes, String what) {
        if (bytes > config.maxEventBytes()) {
            throw new ProblemException(413, "Payload Too Large",
                    what + " has " + bytes + " bytes, more than the limit of " + config.maxEventBytes());
        }
    }

    static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Invalid CloudEvent", detail);
    }

    private static String describe(Exception e) {
        if (e instanceof ProblemException problem) {
            throw problem;
        }
        if (e instanceof CloudEventRWException rw
                && rw.getKind() == CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
            throw new ProblemException(415, "Unsupported Media Type", "not a CloudEvent in any known encoding");
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return firstLine(message);
    }

    /** Parser messages can quote the whole input; keep the error short and free of payload. */
    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
