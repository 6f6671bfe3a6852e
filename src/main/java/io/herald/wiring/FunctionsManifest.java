package io.herald.wiring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.queue.QueueDeclarations;
import io.herald.queue.QueueSpec;
import java.util.List;
import java.util.Map;

/** {@code functions.yaml}: the single description of Herald's functions and their triggers. */
public record FunctionsManifest(Map<String, FunctionSpec> functions, ApiSpec api, Map<String, QueueSpec> queues,
        Map<String, ScheduleSpec> schedules) implements QueueDeclarations {

    public FunctionsManifest {
        functions = functions == null ? Map.of() : Map.copyOf(functions);
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
    }

    public FunctionsManifest(Map<String, FunctionSpec> functions, Map<String, QueueSpec> queues,
            Map<String, ScheduleSpec> schedules) {
        this(functions, null, queues, schedules);
    }

    /**
     * @param queue the queue whose messages trigger the function, or null
     * @param schedule the schedule (key of {@code schedules}) that triggers it, or null
     * @param tables the store tables the function reads and writes ({@code events}, {@code notifications},
     *        {@code audit}, {@code tasks}, {@code task-assignees}, {@code token-uses}, {@code write-backs}); in the
     *        cloud, the only tables its role may touch
     * @param sendsTo the queues (keys of {@code queues}) the function posts messages to
     * @param secrets the environment variables holding secrets the function needs, e.g.
     *        {@code HERALD_XCONNECTOR_SECRET}; in the cloud the function is given {@code <secret>_SSM_PARAMETER}
     *        and reads the value from SSM Parameter Store at start-up, its role allowed only these parameters
     * @param reservedConcurrency in the cloud, the instances of the function that may run at once, set aside for
     *        it; null for none
     * @param feature the optional part of Herald the function belongs to ({@code console}): in the cloud it is
     *        deployed only where the deployment enables that part; null for a function always deployed. Local mode
     *        and servers run every function.
     */
    public record FunctionSpec(String description, String handler, String feature,
            @JsonProperty("timeout_seconds") int timeoutSeconds,
            @JsonProperty("memory_mb") int memoryMb,
            @JsonProperty("reserved_concurrency") Integer reservedConcurrency,
            List<HttpRoute> http, String queue, String schedule,
            List<String> tables,
            @JsonProperty("sends_to") List<String> sendsTo,
            List<String> secrets) {

        public FunctionSpec {
            http = http == null ? List.of() : List.copyOf(http);
            tables = tables == null ? List.of() : List.copyOf(tables);
            sendsTo = sendsTo == null ? List.of() : List.copyOf(sendsTo);
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }

        public FunctionSpec(String description, String handler, int timeoutSeconds, int memoryMb,
                List<HttpRoute> http, String queue, String schedule, List<String> tables, List<String> sendsTo,
                List<String> secrets) {
            this(description, handler, null, timeoutSeconds, memoryMb, null, http, queue, schedule, tables, sendsTo,
                    secrets);
        }
    }

    /**
     * API Gateway's throttle in front of every route, for all callers together (the cloud only).
     *
     * @param throttlingRateLimit requests per second on average
     * @param throttlingBurstLimit requests at once
     */
    public record ApiSpec(@JsonProperty("throttling_rate_limit") int throttlingRateLimit,
            @JsonProperty("throttling_burst_limit") int throttlingBurstLimit) {
    }

    /**
     * @param auth who admits a request: {@code hmac}, the function verifies the sender's signature itself;
     *        {@code iam}, an operator route: in the cloud API Gateway admits only SigV4-signed requests of allowed
     *        AWS principals, on a server Herald asks for an operator's credentials, local mode does not check;
     *        {@code operator}, an operator route for browsers: in the cloud API Gateway lets every request through
     *        and the function asks for an operator's API key or console session itself, on a server and locally as
     *        {@code iam}
     * @param access for an operator route, what the operator needs: {@code read} (the default) or
     *        {@code operate}, for a route that changes something
     */
    public record HttpRoute(String method, String path, String auth, String access) {

        public HttpRoute(String method, String path, String auth) {
            this(method, path, auth, null);
        }

        /** Whether only operators may use the route ({@code auth: iam} or {@code auth: operator}). */
        public boolean operatorOnly() {
            return "iam".equals(auth) || "operator".equals(auth);
        }

        /** Whether a route that changes something: only operators with operate access may use it on a server. */
        public boolean operates() {
            return "operate".equals(access);
        }

        /** API Gateway's route key, also used locally to tell a function which route matched. */
        public String key() {
            return method + " " + path;
        }
    }

    /**
     * @param expression an EventBridge schedule expression, e.g. {@code rate(1 minute)}
     * @param maxRetryAttempts in the cloud, how often a failed tick is tried again; null for the services' defaults
     * @param maxEventAgeSeconds in the cloud, how long a tick may still be tried; null for the services' defaults
     */
    public record ScheduleSpec(String expression, @JsonProperty("every") String every,
            @JsonProperty("max_retry_attempts") Integer maxRetryAttempts,
            @JsonProperty("max_event_age_seconds") Integer maxEventAgeSeconds) {

        public ScheduleSpec(String expression, String every) {
            this(expression, every, null, null);
        }
    }
}
