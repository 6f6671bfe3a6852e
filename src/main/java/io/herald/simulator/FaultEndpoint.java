package io.herald.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;

/**
 * A simulator's {@code GET} and {@code POST _faults}: one copy, so both simulators read, refuse and answer fault
 * settings alike.
 *
 * @param <S> the simulator's fault settings record, which is also the JSON body
 */
public final class FaultEndpoint<S> {

    /** The fault plan behind the endpoint. */
    public interface Plan<S> {
        S current();

        /** @throws IllegalArgumentException when a value is out of range; nothing is changed then */
        void apply(S settings);
    }

    private final ObjectReader reader;
    private final String unreadable;
    private final ReplyWriter replies;
    private final Plan<S> plan;

    /** @param fields the settings' JSON names, listed in the answer to an unreadable body */
    public FaultEndpoint(ObjectMapper mapper, Class<S> type, String fields, ReplyWriter replies, Plan<S> plan) {
        // Strict, so a misspelt fault name is refused instead of silently doing nothing.
        this.reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.unreadable = "Expected a JSON object with " + fields;
        this.replies = replies;
        this.plan = plan;
    }

    /** {@code GET _faults}. */
    public void get(RoutingContext context) {
        replies.send(context, 200, plan.current());
    }

    /** {@code POST _faults}: changes the settings present in the body, answers the resulting plan. */
    public void change(RoutingContext context) {
        S settings;
        try {
            String body = context.body().asString();
            settings = reader.readValue(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            replies.error(context, 400, "invalid_request", unreadable, List.of());
            return;
        }
        try {
            plan.apply(settings);
        } catch (IllegalArgumentException outOfRange) {
            replies.error(context, 400, "invalid_request", outOfRange.getMessage(), List.of());
            return;
        }
        replies.send(context, 200, plan.current());
    }
}
