package io.herald.simulator;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** How a simulator writes its JSON answers, so that code shared by both simulators can answer in each one's way. */
public interface ReplyWriter {

    void send(RoutingContext context, int status, Object body);

    /** {@code {"error": code, "message": message, "details": [...]}}; details only when there are some. */
    void error(RoutingContext context, int status, String code, String message, List<String> details);
}
