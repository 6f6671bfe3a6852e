package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code terraform plan} of terraform/ creates, as the AWS provider itself plans it offline, is what
 * functions.yaml implies: every function with its sizing and concurrency, route, queue and its mapping, schedule,
 * alarm and IAM statement, and the protections around them. The expectations are derived from functions.yaml, so
 * this holds for the wiring of tomorrow as for today's. Skipped, saying why, without the CLI or the provider mirror.
 *
 * <p>What is known only after apply (the functions' environment holds the API's URL) is not in a plan;
 * {@link TerraformWiringTest} checks those expressions.
 */
class TerraformPlanDeploysFunctionsYamlTest {

    private static final String ARN = "arn:aws:";
    private static final String REGION_ACCOUNT = TerraformPlan.REGION + ":" + TerraformPlan.ACCOUNT;
    private static final Set<String> TABLES = Set.of("events", "notifications", "audit", "tasks", "task-assignees",
            "token-uses", "write-backs", "groups");

    private static TerraformPlan plan;
    private static FunctionsManifest manifest;

    @BeforeAll
    static void planOffline() {
        TerraformCli.assumeAvailable("Terraform plan checks");
        // with the optional console, so that every function of functions.yaml is planned
        plan = TerraformPlan.offline(Map.of("console_enabled", "true", "console_operators", "{alice=\"operate\"}"));
        manifest = FunctionsManifestLoader.load();
    }

    @Test
    void everyFunctionIsDeployedWithItsSizingAndReservedConcurrency() {
        Map<String, JsonNode> functions = plan.instances("aws_lambda_function", "function");
        assertThat(functions.keySet()).isEqualTo(manifest.functions().keySet());
        manifest.functions().forEach((name, spec) -> {
            JsonNode function = functions.get(name);
            assertThat(function.path("function_name").asText()).isEqualTo("herald-" + name);
            assertThat(function.path("runtime").asText()).as(name).isEqualTo("provided.al2023");
            assertThat(function.path("publish").asBoolean()).as(name).isFalse();
            assertThat(function.path("timeout").asInt()).as(name + " timeout").isEqualTo(spec.timeoutSeconds());
            assertThat(function.path("memory_size").asInt()).as(name + " memory").isEqualTo(spec.memoryMb());
            assertThat(spec.reservedConcurrency()).as(name + " reserved_concurrency in functions.yaml").isNotNull();
            assertThat(function.path("reserved_concurrent_executions").asInt()).as(name + " reserved concurrency")
                    .isEqualTo(spec.reservedConcurrency());
        });
    }

    @Test
    void onlyTheFunctionsThatWakeThemselvesThroughTheirQueueMayLoop() {
        Set<String> selfWaking = new TreeSet<>();
        manifest.functions().forEach((name, spec) -> {
            if (spec.queue() != null && spec.sendsTo().contains(spec.queue())) {
                selfWaking.add(name);
            }
        });
        assertThat(selfWaking).as("functions.yaml: functions sending to their own queue").contains("dispatch",
                "writeback");
        Map<String, JsonNode> recursion = plan.instances("aws_lambda_function_recursion_config", "self_waking");
        assertThat(recursion.keySet()).isEqualTo(selfWaking);
        recursion.forEach((name, config) -> {
            assertThat(config.path("function_name").asText()).isEqualTo("herald-" + name);
            assertThat(config.path("recursive_loop").asText()).isEqualTo("Allow");
        });
    }

    @Test
    void everyRouteIsServedByItsFunctionAndAuthorisedAsFunctionsYamlSays() {
        Map<String, String> functionOfRoute = new TreeMap<>();
        Map<String, String> authOfRoute = new TreeMap<>();
        manifest.functions().forEach((name, spec) -> spec.http().forEach(route -> {
            functionOfRoute.put(route.key(), name);
            authOfRoute.put(route.key(), route.auth());
        }));
        Map<String, JsonNode> routes = plan.instances("aws_apigatewayv2_route", "route");
        assertThat(routes.keySet()).isEqualTo(functionOfRoute.keySet());
        routes.forEach((key, route) -> {
            assertThat(route.path("route_key").asText()).isEqualTo(key);
            assertThat(route.path("authorization_type").asText()).as(key)
                    .isEqualTo(authOfRoute.get(key).equals("iam") ? "AWS_IAM" : "NONE");
            assertThat(authOfRoute.get(key)).as(key).isIn("iam", "hmac", "operator");
        });
        Map<String, JsonNode> permissions = plan.instances("aws_lambda_permission", "api");
        assertThat(permissions.keySet()).isEqualTo(functionOfRoute.keySet());
        permissions.forEach((key, permission) -> {
            assertThat(permission.path("function_name").asText()).as(key)
                    .isEqualTo("herald-" + functionOfRoute.get(key));
            assertThat(permission.path("qualifier").asText()).as(key).isEqualTo("live");
            assertThat(permission.path("principal").asText()).isEqualTo("apigateway.amazonaws.com");
            assertThat(permission.path("action").asText()).isEqualTo("lambda:InvokeFunction");
        });
    }

    @Test
    void everyFunctionWithRoutesHasOneProxyIntegrationWithinItsTimeout() {
        Map<String, JsonNode> integrations = plan.instances("aws_apigatewayv2_integration", "function");
        Set<String> served = new TreeSet<>();
        manifest.functions().forEach((name, spec) -> {
            if (!spec.http().isEmpty()) {
                served.add(name);
            }
        });
        assertThat(integrations.keySet()).isEqualTo(served);
        integrations.forEach((name, integration) -> {
            assertThat(integration.path("integration_type").asText()).as(name).isEqualTo("AWS_PROXY");
            assertThat(integration.path("payload_format_version").asText()).as(name).isEqualTo("2.0");
            assertThat(integration.path("timeout_milliseconds").asInt()).as(name)
                    .isLessThanOrEqualTo(manifest.functions().get(name).timeoutSeconds() * 1000);
        });
    }

    @Test
    void theApiIsThrottledAsFunctionsYamlSaysAndLogsEachRequestWithoutItsQuery() {
        assertThat(manifest.api()).as("functions.yaml: api").isNotNull();
        JsonNode stage = plan.single("aws_apigatewayv2_stage", "default");
        JsonNode throttle = stage.path("default_route_settings").path(0);
        assertThat(throttle.path("throttling_rate_limit").asInt()).isEqualTo(manifest.api().throttlingRateLimit());
        assertThat(throttle.path("throttling_burst_limit").asInt()).isEqualTo(manifest.api().throttlingBurstLimit());

        JsonNode format = TerraformPlan.parse(stage.path("access_log_settings").path(0).path("format").asText());
        Set<String> logged = new HashSet<>();
        format.forEach(value -> logged.add(value.asText()));
        assertThat(logged).contains("$context.requestId", "$context.routeKey", "$context.status",
                "$context.identity.sourceIp", "$context.integrationErrorMessage");
        // action tokens travel in query strings, task ids in paths
        assertThat(logged).noneMatch(value -> value.contains("path") || value.contains("querystring"));
        JsonNode log = plan.single("aws_cloudwatch_log_group", "api_access");
        assertThat(log.path("name").asText()).isEqualTo("/aws/apigateway/herald-api");
        assertThat(log.path("retention_in_days").asInt()).isPositive();
    }

    @Test
    void everyQueueFeedsItsConsumerInBatchesItsTimeoutOutlastsAtBoundedConcurrency() {
        Map<String, JsonNode> queues = plan.instances("aws_sqs_queue", "queue");
        Map<String, JsonNode> deadLetters = plan.instances("aws_sqs_queue", "dlq");
        Map<String, JsonNode> mappings = plan.instances("aws_lambda_event_source_mapping", "queue");
        assertThat(queues.keySet()).isEqualTo(manifest.queues().keySet());
        assertThat(deadLetters.keySet()).isEqualTo(manifest.queues().keySet());
        assertThat(mappings.keySet()).isEqualTo(manifest.queues().keySet());
        manifest.queues().forEach((name, spec) -> {
            String consumer = consumerOf(name);
            FunctionSpec function = manifest.functions().get(consumer);
            assertThat(queues.get(name).path("name").asText()).isEqualTo("herald-" + name);
            assertThat(deadLetters.get(name).path("name").asText()).isEqualTo("herald-" + name + "-dlq");
            assertThat(queues.get(name).path("visibility_timeout_seconds").asInt()).as(name + " visibility timeout")
                    .isGreaterThanOrEqualTo(6 * function.timeoutSeconds());

            JsonNode mapping = mappings.get(name);
            assertThat(mapping.path("function_name").asText()).as(name + " consumer").isEqualTo(aliasArn(consumer));
            assertThat(mapping.path("batch_size").asInt()).as(name).isEqualTo(spec.batchSize());
            assertThat(mapping.path("function_response_types").toString()).isEqualTo("[\"ReportBatchItemFailures\"]");
            assertThat(spec.maxConcurrency()).as(name + " max_concurrency in functions.yaml").isNotNull();
            assertThat(mapping.path("scaling_config").path(0).path("maximum_concurrency").asInt()).as(name)
                    .isEqualTo(spec.maxConcurrency());
            assertThat(function.timeoutSeconds()).as(consumer + " timeout fits a batch of its slowest messages")
                    .isGreaterThanOrEqualTo(spec.batchSize() * spec.messageSeconds());
        });
    }

    @Test
    void everyScheduleInvokesItsFunctionAndRetriesFailedTicksAsFunctionsYamlSays() {
        Map<String, JsonNode> schedules = plan.instances("aws_scheduler_schedule", "schedule");
        assertThat(schedules.keySet()).isEqualTo(manifest.schedules().keySet());
        JsonNode group = plan.single("aws_scheduler_schedule_group", "herald");
        Map<String, JsonNode> invokeConfigs = plan.instances("aws_lambda_function_event_invoke_config", "scheduled");
        Set<String> scheduled = new TreeSet<>();
        manifest.schedules().forEach((name, spec) -> {
            String function = scheduledBy(name);
            scheduled.add(function);
            JsonNode schedule = schedules.get(name);
            assertThat(schedule.path("schedule_expression").asText()).isEqualTo(spec.expression());
            assertThat(schedule.path("group_name").asText()).isEqualTo(group.path("name").asText());
            JsonNode target = schedule.path("target").path(0);
            assertThat(target.path("arn").asText()).isEqualTo(aliasArn(function));
            assertThat(spec.maxRetryAttempts()).as(name + " max_retry_attempts in functions.yaml").isNotNull();
            assertThat(spec.maxEventAgeSeconds()).as(name + " max_event_age_seconds in functions.yaml").isNotNull();
            JsonNode retry = target.path("retry_policy").path(0);
            assertThat(retry.path("maximum_retry_attempts").asInt()).isEqualTo(spec.maxRetryAttempts());
            assertThat(retry.path("maximum_event_age_in_seconds").asInt()).isEqualTo(spec.maxEventAgeSeconds());

            JsonNode invoke = invokeConfigs.get(function);
            assertThat(invoke).as(function + " asynchronous invocation config").isNotNull();
            assertThat(invoke.path("qualifier").asText()).isEqualTo("live");
            assertThat(invoke.path("maximum_retry_attempts").asInt())
                    .isEqualTo(Math.min(2, spec.maxRetryAttempts()));
            assertThat(invoke.path("maximum_event_age_in_seconds").asInt()).isEqualTo(spec.maxEventAgeSeconds());
        });
        assertThat(invokeConfigs.keySet()).isEqualTo(scheduled);
    }

    @Test
    void everyAlarmFunctionsYamlImpliesNotifiesTheTopicAndNoOtherIsMade() {
        Set<String> expected = new TreeSet<>(Set.of("herald-api-5xx", "herald-schedules-dropped"));
        manifest.queues().keySet().forEach(queue -> {
            expected.add("herald-" + queue + "-dlq-not-empty");
            expected.add("herald-" + queue + "-backlog");
        });
        manifest.functions().keySet().forEach(function -> {
            expected.add("herald-" + function + "-errors");
            expected.add("herald-" + function + "-throttles");
            expected.add("herald-" + function + "-recursion-dropped");
        });
        List<JsonNode> alarms = new ArrayList<>();
        plan.resources().values().stream().filter(r -> r.path("type").asText().equals("aws_cloudwatch_metric_alarm"))
                .forEach(r -> alarms.add(r.path("values")));
        Set<String> planned = new TreeSet<>();
        alarms.forEach(alarm -> {
            String name = alarm.path("alarm_name").asText();
            planned.add(name);
            assertThat(alarm.path("alarm_actions").toString()).as(name)
                    .isEqualTo("[\"" + TerraformPlan.ALARM_TOPIC + "\"]");
            assertThat(alarm.path("ok_actions").toString()).as(name)
                    .isEqualTo("[\"" + TerraformPlan.ALARM_TOPIC + "\"]");
            assertThat(alarm.path("alarm_description").asText()).as(name).isNotBlank();
        });
        assertThat(planned).isEqualTo(expected);
    }

    @Test
    void eachRoleMayDoExactlyWhatFunctionsYamlSaysItTouches() {
        Map<String, JsonNode> policies = plan.instances("aws_iam_role_policy", "function");
        assertThat(policies.keySet()).isEqualTo(manifest.functions().keySet());
        Set<String> tableActions = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:Query");
        manifest.functions().forEach((name, spec) -> {
            Map<String, Set<String>> expected = new TreeMap<>();
            expected.put(ARN + "logs:" + REGION_ACCOUNT + ":log-group:/aws/lambda/herald-" + name + ":*",
                    Set.of("logs:CreateLogStream", "logs:PutLogEvents"));
            for (String table : spec.tables()) {
                assertThat(TABLES).as(name + ": table " + table).contains(table);
                String arn = ARN + "dynamodb:" + REGION_ACCOUNT + ":table/herald-" + table;
                expected.put(arn, tableActions);
                expected.put(arn + "/index/*", tableActions);
            }
            for (String queue : spec.sendsTo()) {
                expected.computeIfAbsent(queueArn(queue), k -> new TreeSet<>())
                        .addAll(Set.of("sqs:GetQueueUrl", "sqs:SendMessage"));
            }
            if (spec.queue() != null) {
                expected.computeIfAbsent(queueArn(spec.queue()), k -> new TreeSet<>())
                        .addAll(Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"));
            }
            for (String secret : spec.secrets()) {
                if (secret.equals("HERALD_OPERATOR_KEYS")) {
                    // one parameter per operator of console_operators
                    expected.put(ARN + "ssm:" + REGION_ACCOUNT + ":parameter/herald/operator-keys/alice",
                            Set.of("ssm:GetParameters"));
                    continue;
                }
                String parameter = defaultParameter(secret);
                if (parameter != null) {
                    expected.put(ARN + "ssm:" + REGION_ACCOUNT + ":parameter/herald/" + parameter,
                            Set.of("ssm:GetParameters"));
                }
            }
            assertThat(allowed(policies.get(name).path("policy").asText())).as("role of " + name)
                    .isEqualTo(expected);
        });

        Map<String, JsonNode> schedulerPolicies = plan.instances("aws_iam_role_policy", "scheduler");
        assertThat(schedulerPolicies.keySet()).isEqualTo(manifest.schedules().keySet());
        schedulerPolicies.forEach((schedule, policy) -> assertThat(allowed(policy.path("policy").asText()))
                .as("role of schedule " + schedule).isEqualTo(Map.of(aliasArn(scheduledBy(schedule)),
                        Set.of("lambda:InvokeFunction"))));
    }

    @Test
    void onlyLambdaMayAssumeAFunctionsRoleAndOnlyThisAccountsSchedulesAScheduleRole() {
        Map<String, JsonNode> functionRoles = plan.instances("aws_iam_role", "function");
        assertThat(functionRoles.keySet()).isEqualTo(manifest.functions().keySet());
        functionRoles.forEach((name, role) -> {
            assertThat(role.path("name").asText()).isEqualTo("herald-" + name);
            JsonNode trust = TerraformPlan.parse(role.path("assume_role_policy").asText()).path("Statement");
            assertThat(trust).as("trust of " + name).hasSize(1);
            assertThat(trust.get(0).path("Effect").asText()).isEqualTo("Allow");
            assertThat(trust.get(0).path("Action").asText()).isEqualTo("sts:AssumeRole");
            assertThat(trust.get(0).path("Principal").toString()).isEqualTo("{\"Service\":\"lambda.amazonaws.com\"}");
            assertThat(trust.get(0).has("Condition")).isFalse();
        });

        Map<String, JsonNode> scheduleRoles = plan.instances("aws_iam_role", "scheduler");
        assertThat(scheduleRoles.keySet()).isEqualTo(manifest.schedules().keySet());
        scheduleRoles.forEach((name, role) -> {
            JsonNode trust = TerraformPlan.parse(role.path("assume_role_policy").asText()).path("Statement");
            assertThat(trust).as("trust of schedule " + name).hasSize(1);
            assertThat(trust.get(0).path("Action").asText()).isEqualTo("sts:AssumeRole");
            assertThat(trust.get(0).path("Principal").toString())
                    .isEqualTo("{\"Service\":\"scheduler.amazonaws.com\"}");
            assertThat(trust.get(0).path("Condition").toString()).as("the account is var.aws_account_id")
                    .isEqualTo("{\"StringEquals\":{\"aws:SourceAccount\":\"" + TerraformPlan.ACCOUNT + "\"}}");
        });
    }

    @Test
    void everyTableIsProtectedFromDeletionAndRecoverableToAPointInTime() {
        Map<String, JsonNode> tables = new TreeMap<>();
        plan.resources().values().stream().filter(r -> r.path("type").asText().equals("aws_dynamodb_table"))
                .forEach(r -> tables.put(r.path("values").path("name").asText(), r.path("values")));
        Set<String> names = new TreeSet<>();
        TABLES.forEach(table -> names.add("herald-" + table));
        assertThat(tables.keySet()).isEqualTo(names);
        tables.forEach((name, table) -> {
            assertThat(table.path("deletion_protection_enabled").asBoolean()).as(name).isTrue();
            assertThat(table.path("point_in_time_recovery").path(0).path("enabled").asBoolean()).as(name).isTrue();
        });
    }

    /** Resource => actions over the Allow statements of a policy document; anything but Allow fails. */
    private static Map<String, Set<String>> allowed(String policyJson) {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (JsonNode statement : TerraformPlan.parse(policyJson).path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.has("Condition") || statement.has("NotAction") || statement.has("NotResource"))
                    .as("statement " + statement.path("Sid").asText() + " has no conditions or exclusions").isFalse();
            for (String resource : strings(statement.path("Resource"))) {
                assertThat(resource).as("resource").doesNotContain("${").isNotEqualTo("*");
                allowed.computeIfAbsent(resource, k -> new TreeSet<>()).addAll(strings(statement.path("Action")));
            }
        }
        return allowed;
    }

    /** A policy's Action or Resource: one string or a list of them. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    /** The alias "live" every trigger invokes a function through. */
    private static String aliasArn(String function) {
        return ARN + "lambda:" + REGION_ACCOUNT + ":function:herald-" + function + ":live";
    }

    private static String queueArn(String queue) {
        return ARN + "sqs:" + REGION_ACCOUNT + ":herald-" + queue;
    }

    /** The default parameter (after /herald/) of a secret, null for one that is set during a rotation only. */
    private static String defaultParameter(String secret) {
        return switch (secret) {
            case "HERALD_XCONNECTOR_SECRET" -> "xconnector-secret";
            case "HERALD_OPENTEXT_CLIENT_SECRET" -> "opentext-client-secret";
            case "HERALD_OPENTEXT_WEBHOOK_SECRET" -> "opentext-webhook-secret";
            case "HERALD_ACTION_TOKEN_KEY" -> "action-token-key";
            case "HERALD_TASK_ID_SECRET" -> "task-id-secret";
            case "HERALD_CONSOLE_SESSION_SECRET" -> "console-session-secret";
            case "HERALD_WRITEBACK_SECRET" -> "writeback-secret";
            case "HERALD_WRITEBACK_PREVIOUS_SECRET" -> null;
            default -> throw new AssertionError("a secret of functions.yaml without a parameter: " + secret);
        };
    }

    private static String consumerOf(String queue) {
        List<String> consumers = manifest.functions().entrySet().stream()
                .filter(f -> queue.equals(f.getValue().queue())).map(Map.Entry::getKey).toList();
        assertThat(consumers).as("consumers of queue " + queue).hasSize(1);
        return consumers.get(0);
    }

    private static String scheduledBy(String schedule) {
        List<String> functions = manifest.functions().entrySet().stream()
                .filter(f -> schedule.equals(f.getValue().schedule())).map(Map.Entry::getKey).toList();
        assertThat(functions).as("functions triggered by schedule " + schedule).hasSize(1);
        return functions.get(0);
    }
}
