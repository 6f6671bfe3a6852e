package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code lambda_runtime = "java21"} the AWS provider plans every function on Lambda's managed Java runtime,
 * started by Quarkus' stream handler from a SnapStart snapshot of a published version, and every trigger goes
 * through the alias that follows the newest version. Skipped, saying why, without the CLI or the provider mirror.
 */
class TerraformPlanOfTheJavaRuntimeTest {

    private static TerraformPlan plan;

    @BeforeAll
    static void planOffline() {
        TerraformCli.assumeAvailable("Terraform plan checks");
        plan = TerraformPlan.offline(Map.of("lambda_runtime", "java21"));
    }

    @Test
    void everyFunctionRunsOnJava21FromASnapStartSnapshotOfItsPublishedVersion() {
        Map<String, JsonNode> functions = plan.instances("aws_lambda_function", "function");
        assertThat(functions.keySet()).isEqualTo(deployedByDefault());
        functions.forEach((name, function) -> {
            assertThat(function.path("runtime").asText()).as(name).isEqualTo("java21");
            assertThat(function.path("handler").asText()).as(name)
                    .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(function.path("publish").asBoolean()).as(name).isTrue();
            assertThat(function.path("snap_start").path(0).path("apply_on").asText()).as(name)
                    .isEqualTo("PublishedVersions");
        });
    }

    @Test
    void withoutTheConsoleEnabledNoConsoleFunctionOrRouteIsPlanned() {
        assertThat(plan.instances("aws_lambda_function", "function")).doesNotContainKey("console");
        assertThat(plan.instances("aws_apigatewayv2_route", "route").keySet())
                .isNotEmpty().noneMatch(route -> route.contains(" /console"));
        assertThat(plan.instances("aws_apigatewayv2_route", "route").values())
                .allSatisfy(route -> assertThat(route.path("route_key").asText()).doesNotContain("/console"));
    }

    /** The functions of functions.yaml that belong to no optional part. */
    private static Set<String> deployedByDefault() {
        return FunctionsManifestLoader.load().functions().entrySet().stream()
                .filter(function -> function.getValue().feature() == null).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void everyTriggerInvokesTheAliasThatFollowsThePublishedVersion() {
        Map<String, JsonNode> aliases = plan.instances("aws_lambda_alias", "live");
        assertThat(aliases.keySet()).isEqualTo(deployedByDefault());
        aliases.forEach((name, alias) -> {
            assertThat(alias.path("name").asText()).isEqualTo("live");
            assertThat(alias.path("function_name").asText()).isEqualTo("herald-" + name);
        });
        plan.instances("aws_lambda_event_source_mapping", "queue").forEach((queue, mapping) ->
                assertThat(mapping.path("function_name").asText()).as(queue).endsWith(":live"));
        plan.instances("aws_scheduler_schedule", "schedule").forEach((schedule, planned) ->
                assertThat(planned.path("target").path(0).path("arn").asText()).as(schedule).endsWith(":live"));
        plan.instances("aws_lambda_permission", "api").forEach((route, permission) ->
                assertThat(permission.path("qualifier").asText()).as(route).isEqualTo("live"));
    }
}
