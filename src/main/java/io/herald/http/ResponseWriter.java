package io.herald.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Turns answers into JSON responses, problems into {@code application/problem+json}. */
@ApplicationScoped
public class ResponseWriter {

    private final ObjectMapper json;

    public ResponseWriter(ObjectMapper json) {
        this.json = json;
    }

    public HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("Content-Type", "application/json"), write(body));
    }

    public HttpResponse problem(Problem problem) {
        return new HttpResponse(problem.status(), Map.of("Content-Type", Problem.MEDIA_TYPE), write(problem));
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable: " + body.getClass().getName(), e);
        }
    }
}
