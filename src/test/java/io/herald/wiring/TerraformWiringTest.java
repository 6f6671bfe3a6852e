package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.herald.queue.QueueSpec;
import io.herald.wiring.FunctionsManifest.ApiSpec;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.HttpRoute;
import io.herald.wiring.FunctionsManifest.ScheduleSpec;
import io.herald.wiring.Hcl.Sensitive;
import io.herald.wiring.Hcl.Unknown;
import io.herald.wiring.TerraformModule.Block;
import io.herald.wiring.TerraformModule.Instance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Terraform in terraform/ must deploy exactly what functions.yaml describes: every function, route, queue
 * and schedule, and nothing functions.yaml lacks.
 *
 * <p>How: the .tf files are parsed to JSON (node tools/hcl2json.mjs) and their expressions evaluated by
 * {@link Hcl}, the way Terraform would plan them: locals from functions.yaml, each for_each resource's
 * instances, each instance's arguments. What only exists after apply (ARNs, ids) evaluates to the reference
 * it stands for, so "this route targets the integration of function intake" is checked too. The same checks
 * run against a functions.yaml with functions, routes, a queue and a schedule added, which proves that the
 * Terraform follows functions.yaml instead of matching today's file by accident.
 */
class TerraformWiringTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path TERRAFORM_DIR = PROJECT.resolve("terraform");
    private static final String MANIFEST_PATH = "../functions.yaml";
    private static final String OPERATOR_KEYS = "HERALD_OPERATOR_KEYS";

    private static TerraformModule terraform;

    @BeforeAll
    static void parseTerraform() {
        terraform = TerraformModule.parse(PROJECT, TERRAFORM_DIR);
    }

    // ---- The configuration as a whole ------------------------------------------------------------------------

    @Test
    void everyTerraformFileParsesAndEachConcernHasItsFile() {
        assertThat(terraform.fileNames()).containsAll(List.of("main.tf", "lambda.tf", "api.tf", "queues.tf",
                "schedules.tf", "dynamodb.tf", "iam.tf", "alarms.tf", "variables.tf", "outputs.tf", "versions.tf", "arns.tf"));
    }

    @Test
    void planningAsksAwsForNothingTheAccountIsAVariable() {
        // both are computed by the provider itself; aws_caller_identity, aws_region and the like would call AWS
        assertThat(terraform.dataSourceTypes()).isSubsetOf("aws_iam_policy_document", "aws_partition");
        assertThat(terraform.variables()).containsKey("aws_account_id");
        assertThat(terraform.variables().get("aws_account_id").has("default")).as("required").isFalse();
    }

    @Test
    void theAwsProviderIsVersion5FromTheFirstWithEveryResourceUsedHere() {
        JsonNode aws = terraform.file("versions.tf").path("terraform").path(0).path("required_providers").path(0)
                .path("aws");
        assertThat(aws.path("source").asText()).isEqualTo("hashicorp/aws");
        // 5.67.0 added aws_lambda_function_recursion_config; 5.26 would already refuse nothing else
        assertThat(aws.path("version").asText()).isEqualTo(">= 5.67, < 6.0");
        assertThat(terraform.resources("aws_lambda_function_recursion_config")).isNotEmpty();
    }

    @Test
    void terraformReadsTheFunctionsYamlTheApplicationReads() throws IOException {
        assertThat(terraform.locals().get("wiring").asText())
                .isEqualTo("${yamldecode(file(\"${path.module}/../functions.yaml\"))}");
        Object onClassPath;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("functions.yaml")) {
            onClassPath = Hcl.Evaluator.plain(new ObjectMapper(new YAMLFactory()).readValue(in, Object.class));
        }
        assertThat(terraform.local("wiring")).isEqualTo(onClassPath);
    }

    @Test
    void everyVariableAndOutputIsDescribed() {
        assertThat(terraform.variables()).isNotEmpty();
        terraform.variables().forEach((name, variable) ->
                assertThat(variable.path("description").asText()).as("description of variable " + name).isNotBlank());
        assertThat(terraform.outputs()).isNotEmpty();
        terraform.outputs().forEach((name, output) ->
                assertThat(output.path("description").asText()).as("description of output " + name).isNotBlank());
    }

    @Test
    void theReadmeTablesListEveryVariableAndOutput() throws IOException {
        String readme = Files.readString(TERRAFORM_DIR.resolve("README.md"));
        assertThat(tableRows(readme, "## Variables")).isEqualTo(terraform.variables().keySet());
        assertThat(tableRows(readme, "## Outputs")).isEqualTo(terraform.outputs().keySet());
    }

    /** The first-column names (| `name` | ...) of the table under a heading. */
    private static Set<String> tableRows(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("README section " + heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_0-9]+)` \\|").matcher(section);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    // ---- Terraform and functions.yaml describe the same deployment ----------------------------------------------

    @Test
    void everyFunctionRouteQueueAndScheduleIsDeployedAndNothingElse() {
        assertDeploys(terraform, FunctionsManifestLoader.load());
    }

    @Test
    void whatIsAddedToFunctionsYamlIsDeployedWithoutChangingTheTerraform() throws IOException {
        String yaml = extendedManifest();
        FunctionsManifest manifest = FunctionsManifestLoader.read(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        TerraformModule extended = terraform.withFile(MANIFEST_PATH, yaml);

        assertDeploys(extended, manifest);
        // and the additions really are there, not just consistently absent
        assertThat(extended.instances("aws_lambda_function.function")).containsKeys("reporter", "webhook",
                "archiver");
        assertThat(extended.instances("aws_apigatewayv2_route.route")).containsKeys("POST /hooks/{id}",
                "ANY /status");
        assertThat(extended.instances("aws_scheduler_schedule.schedule")).containsKey("nightly");
        assertThat(extended.instances("aws_sqs_queue.queue")).containsKey("reports");
    }

    @Test
    void withTheJavaRuntimeEveryFunctionStartsFromTheSnapStartSnapshotOfAPublishedVersionBehindItsAlias() {
        TerraformModule jvm = terraform.withVariable("lambda_runtime", "java21");
        assertThat(jvm.problems()).as("what terraform plan would refuse").isEmpty();
        Map<String, Instance> aliases = jvm.instances("aws_lambda_alias.live");
        jvm.instances("aws_lambda_function.function").forEach((name, lambda) -> {
            assertThat(jvm.argument(lambda, "runtime")).as(name).isEqualTo("java21");
            assertThat(jvm.argument(lambda, "handler")).as(name)
                    .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(jvm.argument(lambda, "publish")).as(name).isEqualTo(true);
            List<Block> snapStart = jvm.blocks(lambda.body(), "snap_start", lambda.scope());
            assertThat(snapStart).as(name + " SnapStart").hasSize(1);
            assertThat(eval(jvm, snapStart.get(0), "apply_on")).isEqualTo("PublishedVersions");
            assertThat(jvm.argument(aliases.get(name), "function_version")).as(name + " alias")
                    .isEqualTo(new Unknown("aws_lambda_function.function[\"" + name + "\"].version"));
            assertThat(environment(jvm, lambda)).as(name).containsEntry("QUARKUS_LAMBDA_HANDLER", name);
        });
        assertThat(aliases.keySet()).isEqualTo(deployed(jvm, FunctionsManifestLoader.load()).functions().keySet());
        assertThat(terraform.withVariable("lambda_runtime", "java17").problems())
                .anySatisfy(problem -> assertThat(problem).contains("lambda_runtime"));
    }

    @Test
    void aQueueWhoseBatchOutlastsItsConsumersTimeoutIsRefusedByPlan() throws IOException {
        String tooShort = Files.readString(PROJECT.resolve("functions.yaml"))
                .replaceFirst("(?m)^(    # a whole batch may meet a slow OpenText.*\\n    timeout_seconds: )\\d+", "$130");
        assertThat(tooShort).as("dispatch with a 30 s timeout").contains("timeout_seconds: 30\n");
        assertThat(terraform.withFile(MANIFEST_PATH, tooShort).problems()).as("what terraform plan would refuse")
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("aws_lambda_event_source_mapping.queue[dispatch].lifecycle precondition")
                        .contains("condition fails"));
        assertThat(terraform.problems()).as("with functions.yaml as it is").isEmpty();
    }

    @Test
    void theWiringResourcesIterateOverLocalsOfMainTf() {
        List<String> driven = List.of("aws_lambda_function.function", "aws_cloudwatch_log_group.function",
                "aws_apigatewayv2_integration.function", "aws_apigatewayv2_route.route", "aws_lambda_permission.api",
                "aws_sqs_queue.queue", "aws_sqs_queue.dlq", "aws_lambda_event_source_mapping.queue",
                "aws_scheduler_schedule.schedule", "aws_iam_role.function", "aws_iam_role_policy.function",
                "aws_iam_role.scheduler", "aws_iam_role_policy.scheduler", "aws_cloudwatch_metric_alarm.dlq_not_empty",
                "aws_cloudwatch_metric_alarm.function_errors", "aws_cloudwatch_metric_alarm.function_throttles",
                "aws_cloudwatch_metric_alarm.recursive_invocations_dropped", "aws_cloudwatch_metric_alarm.queue_backlog",
                "aws_lambda_function_recursion_config.self_waking", "aws_lambda_function_event_invoke_config.scheduled",
                "aws_lambda_alias.live");
        Set<String> mainLocals = new HashSet<>();
        terraform.file("main.tf").path("locals").forEach(block -> block.fieldNames().forEachRemaining(mainLocals::add));
        for (String address : driven) {
            String[] parts = address.split("\\.");
            String forEach = terraform.resource(parts[0], parts[1]).path("for_each").asText();
            assertThat(forEach).as(address + " for_each").matches("\\$\\{local\\.[a-z_]+}");
            assertThat(mainLocals).as(address + " iterates over a local of main.tf")
                    .contains(forEach.substring("${local.".length(), forEach.length() - 1));
        }
    }

    @Test
    void queueVisibilityTimeoutIsAtLeastSixTimesItsConsumersTimeout() {
        FunctionsManifest manifest = FunctionsManifestLoader.load();
        assertThat(manifest.queues()).isNotEmpty();
        terraform.instances("aws_sqs_queue.queue").forEach((queue, instance) -> {
            int consumerTimeout = consumerOf(manifest, queue).getValue().timeoutSeconds();
            assertThat(number(terraform.argument(instance, "visibility_timeout_seconds")))
                    .as("visibility timeout of queue " + queue).isGreaterThanOrEqualTo(6 * consumerTimeout);
        });
    }

    @Test
    void eachFunctionRunsItsHandlerChosenByQuarkusLambdaHandler() throws IOException {
        // the environment variable of the property the application reads
        assertThat(Files.readString(PROJECT.resolve("src/main/resources/application.properties")))
                .containsPattern("(?m)^quarkus\\.lambda\\.handler=");
        FunctionsManifest manifest = FunctionsManifestLoader.load();
        terraform.instances("aws_lambda_function.function").forEach((name, lambda) ->
                assertThat(environment(terraform, lambda).get("QUARKUS_LAMBDA_HANDLER")).as(name)
                        .isEqualTo(manifest.functions().get(name).handler()));
    }

    @Test
    void noFunctionRunsSchedulesOrStartUpRecoveryItself() throws IOException {
        String properties = Files.readString(PROJECT.resolve("src/main/resources/application.properties"));
        for (String property : List.of(LocalSchedules.ENABLED, "herald.recovery.on-start")) {
            assertThat(properties).containsPattern("(?m)^" + Pattern.quote(property) + "=");
            // how Quarkus maps a property to its environment variable
            String variable = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            terraform.instances("aws_lambda_function.function").forEach((name, lambda) ->
                    assertThat(environment(terraform, lambda).get(variable)).as(name + " " + variable)
                            .isEqualTo("false"));
        }
    }

    @Test
    void dynamoDbTablesMatchTheStoreDesign() {
        Map<String, Table> expected = Map.of(
                "events", new Table("source", "id", Map.of("source", "S", "id", "S", "status_shard", "S",
                        "received_at", "N"), Set.of(new Index("by-status", "status_shard", "received_at"))),
                "notifications", new Table("id", null, Map.of("id", "S", "event_key", "S", "created_key", "S",
                        "due_status", "S", "next_attempt_at", "N", "sent_status", "S", "updated_at", "N",
                        "dead_status", "S"),
                        Set.of(new Index("by-event", "event_key", "created_key"),
                                new Index("by-due", "due_status", "next_attempt_at"),
                                new Index("by-sent", "sent_status", "updated_at"),
                                new Index("by-dead", "dead_status", "updated_at"))),
                "audit", new Table("event_key", "entry_key", Map.of("event_key", "S", "entry_key", "S"), Set.of()),
                "tasks", new Table("id", null, Map.of("id", "S", "entity_key", "S", "event_key", "S",
                        "created_key", "S", "sla_check", "S", "sla_check_key", "S", "status", "S"),
                        Set.of(new Index("by-entity", "entity_key", "created_key"),
                                new Index("by-event", "event_key", "created_key"),
                                new Index("by-sla-check", "sla_check", "sla_check_key"),
                                new Index("by-status", "status", "created_key"))),
                "task-assignees", new Table("assignee", "task_key", Map.of("assignee", "S", "task_key", "S"),
                        Set.of()),
                "token-uses", new Table("token_id", null, Map.of("token_id", "S"), Set.of()),
                "write-backs", new Table("id", null, Map.of("id", "S", "open_entity_key", "S", "created_key", "S",
                        "due_status", "S", "next_attempt_at", "N", "task_id", "S", "dead_status", "S",
                        "updated_at", "N"),
                        Set.of(new Index("open-by-entity", "open_entity_key", "created_key"),
                                new Index("by-due", "due_status", "next_attempt_at"),
                                new Index("by-task", "task_id", "created_key"),
                                new Index("by-dead", "dead_status", "updated_at"))),
                "groups", new Table("id", null, Map.of("id", "S", "due", "S", "next_flush_at", "N"),
                        Set.of(new Index("by-due", "due", "next_flush_at"))));

        // Terraform resource names cannot hold the dashes of the table names.
        assertThat(terraform.resources("aws_dynamodb_table").keySet())
                .isEqualTo(expected.keySet().stream().map(TerraformWiringTest::resourceName).collect(Collectors.toSet()));
        expected.forEach((name, table) -> {
            Instance instance = single(terraform, "aws_dynamodb_table." + resourceName(name));
            JsonNode body = instance.body();
            String what = "table " + name;
            assertThat(terraform.argument(instance, "name")).as(what).isEqualTo("herald-" + name);
            assertThat(terraform.argument(instance, "billing_mode")).as(what).isEqualTo("PAY_PER_REQUEST");
            assertThat(terraform.argument(instance, "deletion_protection_enabled")).as(what + " deletion protection")
                    .isEqualTo(true);
            assertThat(terraform.argument(instance, "hash_key")).as(what).isEqualTo(table.hash());
            assertThat(terraform.argument(instance, "range_key")).as(what).isEqualTo(table.range());

            Map<String, Object> attributes = new HashMap<>();
            for (Block attribute : terraform.blocks(body, "attribute", instance.scope())) {
                attributes.put((String) eval(terraform, attribute, "name"), eval(terraform, attribute, "type"));
            }
            assertThat(attributes).as(what + " attributes").isEqualTo(table.attributes());

            Set<Index> indexes = new HashSet<>();
            for (Block index : terraform.blocks(body, "global_secondary_index", instance.scope())) {
                assertThat(eval(terraform, index, "projection_type")).as(what + " index projection").isEqualTo("ALL");
                indexes.add(new Index((String) eval(terraform, index, "name"), (String) eval(terraform, index, "hash_key"),
                        (String) eval(terraform, index, "range_key")));
            }
            assertThat(indexes).as(what + " global secondary indexes").isEqualTo(table.indexes());
            assertThat(terraform.blocks(body, "local_secondary_index", instance.scope())).as(what).isEmpty();

            List<Block> ttl = terraform.blocks(body, "ttl", instance.scope());
            assertThat(ttl).as(what + " ttl").hasSize(1);
            assertThat(eval(terraform, ttl.get(0), "attribute_name")).as(what + " ttl").isEqualTo("expires_at");
            assertThat(eval(terraform, ttl.get(0), "enabled")).as(what + " ttl").isEqualTo(true);
            List<Block> recovery = terraform.blocks(body, "point_in_time_recovery", instance.scope());
            assertThat(recovery).as(what + " point-in-time recovery").hasSize(1);
            assertThat(eval(terraform, recovery.get(0), "enabled")).as(what + " point-in-time recovery").isEqualTo(true);
        });
        // the names functions.yaml uses under "tables" are these tables
        Map<String, Object> tableArns = map(terraform.local("table_arns"));
        expected.keySet().forEach(name -> assertThat(tableArns.get(name))
                .isEqualTo(arn("dynamodb", "table/herald-" + name)));
        assertThat(tableArns.keySet()).isEqualTo(expected.keySet());
    }

    private static String resourceName(String table) {
        return table.replace('-', '_');
    }

    @Test
    void functionsAreToldWhereTheirSecretsAreNeverTheirValues() {
        FunctionsManifest manifest = FunctionsManifestLoader.load();
        Map<String, Object> parameters = map(terraform.local("secret_parameters"));
        Set<String> used = manifest.functions().values().stream().flatMap(f -> f.secrets().stream())
                .filter(secret -> !secret.equals(OPERATOR_KEYS)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("secrets of functions.yaml").isNotEmpty();
        assertThat(parameters.keySet()).as("secrets Terraform knows a parameter for").containsAll(used);
        // Terraform reads no value: none in its state, and plan needs no access to the parameters
        assertThat(terraform.dataSources("aws_ssm_parameter")).as("SSM parameters read by Terraform").isEmpty();

        terraform.instances("aws_lambda_function.function").forEach((name, lambda) -> {
            Map<String, Object> environment = environment(terraform, lambda);
            assertThat(environment.keySet()).as(name + " environment").doesNotContainAnyElementsOf(parameters.keySet());
            assertThat(environment.values()).as(name + " environment").noneMatch(value -> value instanceof Sensitive);
            Map<String, Object> named = new TreeMap<>();
            environment.forEach((variable, value) -> {
                if (variable.endsWith("_SSM_PARAMETER")) {
                    named.put(variable, value);
                }
            });
            Map<String, Object> expected = new TreeMap<>();
            functionSecrets(terraform, manifest.functions().get(name))
                    .forEach((secret, parameter) -> expected.put(secret + "_SSM_PARAMETER", parameter));
            assertThat(named).as(name + ": a parameter name per secret it lists").isEqualTo(expected);
        });
        // default parameter names are SSM paths; the previous write-back secret is set during a rotation only
        assertThat(parameters).containsEntry("HERALD_WRITEBACK_PREVIOUS_SECRET", "");
        parameters.forEach((secret, name) -> {
            if (!secret.equals("HERALD_WRITEBACK_PREVIOUS_SECRET")) {
                assertThat((String) name).as(secret).startsWith("/herald/");
            }
        });
    }

    @Test
    void duringAWriteBackSecretRotationTheWriteBackFunctionMayReadThePreviousSecretToo() {
        TerraformModule rotating = terraform.withVariable("writeback_previous_secret_parameter",
                "/herald/writeback-secret-2025");
        FunctionsManifest manifest = FunctionsManifestLoader.load();

        assertDeploys(rotating, manifest);
        Instance writeback = rotating.instances("aws_lambda_function.function").get("writeback");
        assertThat(environment(rotating, writeback))
                .containsEntry("HERALD_WRITEBACK_PREVIOUS_SECRET_SSM_PARAMETER", "/herald/writeback-secret-2025")
                .containsEntry("HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret");
        assertThat(permissions(rotating, rotating.instances("data.aws_iam_policy_document.function").get("writeback")))
                .containsEntry(parameterArn("herald/writeback-secret-2025"), Set.of("ssm:GetParameters"));
        // and outside a rotation nobody is told of it
        assertThat(environment(terraform, terraform.instances("aws_lambda_function.function").get("writeback")))
                .doesNotContainKey("HERALD_WRITEBACK_PREVIOUS_SECRET_SSM_PARAMETER");
    }

    @Test
    void withACustomerManagedKeyEachRoleWithSecretsMayDecryptThroughSsmInItsRegionOnly() {
        String key = "arn:aws:kms:eu-central-1:123456789012:key/0b5e2d6c-8d4b-4c4e-9b1a-2f0c7e0d9a11";
        TerraformModule withKey = terraform.withVariable("secrets_kms_key_arn", key);
        FunctionsManifest manifest = FunctionsManifestLoader.load();
        assertThat(withKey.problems()).as("what terraform plan would refuse").isEmpty();

        withKey.instances("data.aws_iam_policy_document.function").forEach((name, document) -> {
            List<Block> decrypt = withKey.blocks(document.body(), "statement", document.scope()).stream()
                    .filter(statement -> withKey.eval(statement.body().path("actions"), statement.scope()) instanceof List<?>
                            actions && actions.stream().anyMatch(a -> String.valueOf(a).startsWith("kms:")))
                    .toList();
            if (manifest.functions().get(name).secrets().isEmpty()) {
                assertThat(decrypt).as(name + " has no secrets to decrypt").isEmpty();
                return;
            }
            assertThat(decrypt).as(name).hasSize(1);
            Block statement = decrypt.get(0);
            assertThat(eval(withKey, statement, "actions")).as(name).isEqualTo(List.of("kms:Decrypt"));
            assertThat(eval(withKey, statement, "resources")).as(name).isEqualTo(List.of(key));
            List<Block> conditions = withKey.blocks(statement.body(), "condition", statement.scope());
            assertThat(conditions).as(name + " conditions").hasSize(1);
            assertThat(eval(withKey, conditions.get(0), "test")).isEqualTo("StringEquals");
            assertThat(eval(withKey, conditions.get(0), "variable")).isEqualTo("kms:ViaService");
            assertThat(eval(withKey, conditions.get(0), "values"))
                    .isEqualTo(List.of(new Unknown("ssm.${var.aws_region}.amazonaws.com")));
        });
    }

    // ---- The optional console ---------------------------------------------------------------------------------

    /** The deployment with the console, for two operators. */
    private static TerraformModule withConsole() {
        return terraform.withVariable("console_enabled", true)
                .withVariable("console_operators", new TreeMap<>(Map.of("alice", "operate", "bob", "read")));
    }

    private static Set<String> consoleRoutes() {
        return FunctionsManifestLoader.load().functions().get("console").http().stream().map(HttpRoute::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void withoutConsoleEnabledNoConsoleFunctionOrRouteIsDeployed() {
        assertThat(terraform.variable("console_enabled")).as("the default").isEqualTo(false);
        assertThat(consoleRoutes()).as("the console's routes in functions.yaml").contains("GET /console",
                "POST /console/replay", "POST /console/sign-in");
        assertThat(terraform.instances("aws_lambda_function.function")).doesNotContainKey("console");
        assertThat(terraform.instances("aws_iam_role.function")).doesNotContainKey("console");
        assertThat(terraform.instances("aws_apigatewayv2_integration.function")).doesNotContainKey("console");
        assertThat(terraform.instances("aws_apigatewayv2_route.route").keySet())
                .doesNotContainAnyElementsOf(consoleRoutes()).noneMatch(key -> key.contains(" /console"));
        assertThat(terraform.instances("aws_lambda_permission.api").keySet())
                .doesNotContainAnyElementsOf(consoleRoutes());
        // so nothing lets an operator's request through unsigned: every route open at API Gateway checks its
        // caller's signature or token itself
        Map<String, HttpRoute> declared = declaredRoutes();
        terraform.instances("aws_apigatewayv2_route.route").forEach((key, route) -> {
            if ("NONE".equals(terraform.argument(route, "authorization_type"))) {
                assertThat(declared.get(key).auth()).as(key).isEqualTo("hmac");
            }
        });
        terraform.instances("aws_lambda_function.function").forEach((name, lambda) -> assertThat(
                environment(terraform, lambda).keySet()).as(name).noneMatch(key -> key.startsWith(OPERATOR_KEYS)));
    }

    @Test
    void withConsoleEnabledItsRoutesAloneLetBrowsersThroughToTheConsoleFunction() {
        TerraformModule console = withConsole();
        assertDeploys(console, FunctionsManifestLoader.load());
        Map<String, HttpRoute> declared = declaredRoutes();
        Map<String, Instance> routes = console.instances("aws_apigatewayv2_route.route");
        assertThat(routes.keySet()).containsAll(consoleRoutes());
        routes.forEach((key, route) -> {
            Object authorization = console.argument(route, "authorization_type");
            if (consoleRoutes().contains(key)) {
                assertThat(authorization).as(key + ": a browser cannot sign for IAM").isEqualTo("NONE");
                assertThat(console.argument(route, "target")).as(key).isEqualTo(new Unknown(
                        "integrations/${aws_apigatewayv2_integration.function[\"console\"].id}"));
            } else if (declared.get(key).operatorOnly()) {
                assertThat(authorization).as(key + ": other operator routes stay behind IAM").isEqualTo("AWS_IAM");
            } else {
                assertThat(declared.get(key).auth()).as(key).isEqualTo("hmac");
            }
        });
        assertThat(consoleRoutes()).allSatisfy(key -> assertThat(declared.get(key).auth()).as(key)
                .isIn("operator", "hmac"));
    }

    @Test
    void theConsoleFunctionIsToldWhereItsOperatorsKeysAndSessionSecretAreAndMayReadOnlyThose() {
        TerraformModule console = withConsole();
        Instance lambda = console.instances("aws_lambda_function.function").get("console");
        Map<String, Object> environment = environment(console, lambda);

        assertThat(environment)
                .containsEntry("HERALD_OPERATOR_KEYS_ALICE_SHA256_SSM_PARAMETER", "/herald/operator-keys/alice")
                .containsEntry("HERALD_OPERATOR_KEYS_BOB_SHA256_SSM_PARAMETER", "/herald/operator-keys/bob")
                .containsEntry("HERALD_OPERATOR_KEYS_ALICE_ACCESS", "operate")
                .containsEntry("HERALD_OPERATOR_KEYS_BOB_ACCESS", "read")
                .containsEntry("HERALD_CONSOLE_SESSION_SECRET_SSM_PARAMETER", "/herald/console-session-secret")
                .doesNotContainKeys("HERALD_OPERATOR_KEYS_ALICE_SHA256", "HERALD_CONSOLE_SESSION_SECRET",
                        "HERALD_ACTION_TOKEN_KEY_SSM_PARAMETER");
        Map<Object, Set<String>> permissions = permissions(console,
                console.instances("data.aws_iam_policy_document.function").get("console"));
        Set<Object> parameters = permissions.entrySet().stream()
                .filter(permission -> permission.getValue().contains("ssm:GetParameters")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(parameters).isEqualTo(Set.of(parameterArn("herald/operator-keys/alice"),
                parameterArn("herald/operator-keys/bob"), parameterArn("herald/console-session-secret")));
        // the callback function, which once served the console, is told of neither
        assertThat(environment(console, console.instances("aws_lambda_function.function").get("callback")).keySet())
                .noneMatch(key -> key.startsWith(OPERATOR_KEYS) || key.startsWith("HERALD_CONSOLE_SESSION_SECRET"));
    }

    @Test
    void aConsoleNobodyCouldSignInToIsRefusedByPlan() {
        assertThat(terraform.withVariable("console_enabled", true).problems()).as("what terraform plan would refuse")
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("aws_lambda_function.function[console].lifecycle precondition")
                        .contains("console_operators"));
        assertThat(withConsole().problems()).isEmpty();
    }

    @Test
    void operatorsWhoseNameMakesNoEnvironmentVariableOrWhoseAccessIsUnknownAreRefused() {
        for (Map<String, Object> operators : List.<Map<String, Object>>of(Map.of("ops-team", "read"),
                Map.of("Alice", "read"), Map.of("alice", "admin"))) {
            assertThat(terraform.withVariable("console_operators", operators).problems()).as(operators.toString())
                    .anySatisfy(problem -> assertThat(problem).startsWith("validation of var.console_operators"));
        }
    }

    /** Route key => the route, as functions.yaml declares it. */
    private static Map<String, HttpRoute> declaredRoutes() {
        Map<String, HttpRoute> routes = new TreeMap<>();
        FunctionsManifestLoader.load().functions().values()
                .forEach(spec -> spec.http().forEach(route -> routes.put(route.key(), route)));
        return routes;
    }

    @Test
    void everyKeyOfFunctionsYamlIsHandledHere() {
        // A key added to functions.yaml (and so to FunctionsManifest) must be deployed by the Terraform and
        // checked by assertDeploys before it is listed here.
        assertThat(components(FunctionsManifest.class)).containsExactlyInAnyOrder("functions", "api", "queues",
                "schedules");
        // feature: which functions a deployment has, checked by assertDeploys and the console tests
        assertThat(components(FunctionSpec.class)).containsExactlyInAnyOrder("description", "handler", "feature",
                "timeoutSeconds", "memoryMb", "reservedConcurrency", "http", "queue", "schedule", "tables", "sendsTo",
                "secrets");
        // access: in the cloud IAM policies decide who invokes which route; the output http_routes names each
        // route's access for whoever writes them, and assertDeploys checks its values
        assertThat(components(HttpRoute.class)).containsExactlyInAnyOrder("method", "path", "auth", "access");
        assertThat(components(ApiSpec.class)).containsExactlyInAnyOrder("throttlingRateLimit",
                "throttlingBurstLimit");
        // messageSeconds: checked by the event source mapping's precondition
        assertThat(components(QueueSpec.class)).containsExactlyInAnyOrder("batchSize", "maxReceiveCount", "fifo",
                "maxConcurrency", "messageSeconds");
        // every: the interval local mode would run a schedule at; the cloud schedules by expression
        assertThat(components(ScheduleSpec.class)).containsExactlyInAnyOrder("expression", "every",
                "maxRetryAttempts", "maxEventAgeSeconds");
    }

    // ---- The checks ------------------------------------------------------------------------------------------------

    /** Everything functions.yaml describes has its resources, and the wiring resources hold nothing else. */
    private static void assertDeploys(TerraformModule tf, FunctionsManifest all) {
        assertThat(tf.problems()).as("what terraform plan would refuse").isEmpty();
        FunctionsManifest manifest = deployed(tf, all);
        assertFunctions(tf, manifest);
        assertRoutes(tf, manifest);
        assertQueues(tf, manifest);
        assertSchedules(tf, manifest);
        assertRoles(tf, manifest);
        assertAlarms(tf, manifest);
    }

    private static final Map<String, Object> FIXED_ENVIRONMENT = Map.ofEntries(
            Map.entry("HERALD_STORE_KIND", "dynamodb"),
            Map.entry("HERALD_QUEUE_KIND", "sqs"),
            Map.entry("HERALD_DYNAMODB_TABLE_PREFIX", "herald-"),
            Map.entry("HERALD_QUEUE_SQS_NAME_PREFIX", "herald-"),
            Map.entry("HERALD_JSON_LOGS", "true"),
            Map.entry("HERALD_OPENTEXT_AUTH_URL", new Unknown("var.opentext_auth_url")),
            Map.entry("HERALD_OPENTEXT_MESSAGING_URL", new Unknown("var.opentext_messaging_url")),
            Map.entry("HERALD_OPENTEXT_GATEWAY_URL", new Unknown("var.opentext_gateway_url")),
            Map.entry("HERALD_OPENTEXT_TENANT_ID", new Unknown("var.opentext_tenant_id")),
            Map.entry("HERALD_OPENTEXT_CLIENT_ID", new Unknown("var.opentext_client_id")),
            Map.entry("HERALD_OPENTEXT_APP_NAME", "herald"),
            Map.entry("HERALD_OPENTEXT_AUTH", "oauth2"),
            Map.entry("HERALD_OPENTEXT_BILLING_CODE", ""),
            Map.entry("HERALD_CALLBACK_BASE_URL", new Unknown("aws_apigatewayv2_api.http.api_endpoint")),
            Map.entry("HERALD_WRITEBACK_URL", new Unknown("var.xconnector_writeback_url")),
            // EventBridge Scheduler runs the schedules, and sla-sweep (not every cold start) re-drives stuck work
            Map.entry("HERALD_SCHEDULES_LOCAL", "false"),
            Map.entry("HERALD_RECOVERY_ON_START", "false"),
            // events come through the Runtime API, so no function opens an HTTP listener
            Map.entry("QUARKUS_HTTP_HOST_ENABLED", "false"),
            Map.entry("DISABLE_SIGNAL_HANDLERS", "true"));

    private static void assertFunctions(TerraformModule tf, FunctionsManifest manifest) {
        Map<String, Instance> lambdas = onlyBlock(tf, "aws_lambda_function", "function");
        assertThat(lambdas.keySet()).as("Lambda functions").isEqualTo(manifest.functions().keySet());
        // the functions' and the API's access log
        assertThat(tf.resources("aws_cloudwatch_log_group").keySet()).isEqualTo(Set.of("function", "api_access"));
        assertThat(tf.instances("aws_cloudwatch_log_group.function").keySet()).as("log groups")
                .isEqualTo(manifest.functions().keySet());

        manifest.functions().forEach((name, spec) -> {
            Instance lambda = lambdas.get(name);
            String what = "function " + name;
            assertThat(tf.argument(lambda, "function_name")).as(what).isEqualTo("herald-" + name);
            assertThat(tf.argument(lambda, "description")).as(what).isEqualTo(spec.description());
            assertThat(tf.argument(lambda, "runtime")).as(what).isEqualTo("provided.al2023");
            assertThat(tf.argument(lambda, "handler")).as(what).isEqualTo("not.used.in.provided.runtime");
            assertThat(tf.argument(lambda, "publish")).as(what).isEqualTo(false);
            assertThat(tf.blocks(lambda.body(), "snap_start", lambda.scope())).as(what + " SnapStart").isEmpty();
            assertThat(tf.argument(lambda, "architectures")).as(what).isEqualTo(List.of("arm64"));
            assertThat(tf.argument(lambda, "filename")).as(what)
                    .isEqualTo(TERRAFORM_DIR + "/../target/function.zip");
            assertThat(number(tf.argument(lambda, "memory_size"))).as(what + " memory").isEqualTo(spec.memoryMb());
            assertThat(number(tf.argument(lambda, "timeout"))).as(what + " timeout")
                    .isEqualTo(spec.timeoutSeconds());
            assertThat(number(tf.argument(lambda, "reserved_concurrent_executions"))).as(what + " reserved concurrency")
                    .isEqualTo(spec.reservedConcurrency() == null ? -1 : spec.reservedConcurrency());
            assertThat(tf.argument(lambda, "role")).as(what + " role")
                    .isEqualTo(new Unknown("aws_iam_role.function[\"" + name + "\"].arn"));

            Map<String, Object> environment = environment(tf, lambda);
            Map<String, Object> expected = new TreeMap<>(FIXED_ENVIRONMENT);
            expected.put("QUARKUS_LAMBDA_HANDLER", spec.handler());
            functionSecrets(tf, spec).forEach((secret, parameter) -> expected.put(secret + "_SSM_PARAMETER",
                    parameter));
            if (spec.secrets().contains(OPERATOR_KEYS)) {
                map(tf.variable("console_operators")).forEach((operator, access) -> expected.put(
                        OPERATOR_KEYS + "_" + operator.toUpperCase(Locale.ROOT) + "_ACCESS", access));
            }
            assertThat(environment).as(what + " environment").isEqualTo(expected);
        });
    }

    private static void assertRoutes(TerraformModule tf, FunctionsManifest manifest) {
        Map<String, Map.Entry<String, HttpRoute>> routes = new TreeMap<>();
        manifest.functions().forEach((name, spec) -> spec.http()
                .forEach(route -> assertThat(routes.put(route.key(), Map.entry(name, route))).as(route.key()).isNull()));
        Set<String> httpFunctions = manifest.functions().entrySet().stream()
                .filter(f -> !f.getValue().http().isEmpty()).map(Map.Entry::getKey).collect(Collectors.toSet());

        Instance api = single(tf, "aws_apigatewayv2_api.http");
        assertThat(tf.argument(api, "protocol_type")).isEqualTo("HTTP");
        Instance stage = single(tf, "aws_apigatewayv2_stage.default");
        assertThat(tf.argument(stage, "name")).isEqualTo("$default");
        assertThat(tf.argument(stage, "auto_deploy")).isEqualTo(true);
        List<Block> throttle = tf.blocks(stage.body(), "default_route_settings", stage.scope());
        assertThat(throttle).as("the stage's throttle").hasSize(1);
        assertThat(number(eval(tf, throttle.get(0), "throttling_rate_limit")))
                .isEqualTo(manifest.api().throttlingRateLimit());
        assertThat(number(eval(tf, throttle.get(0), "throttling_burst_limit")))
                .isEqualTo(manifest.api().throttlingBurstLimit());
        List<Block> accessLog = tf.blocks(stage.body(), "access_log_settings", stage.scope());
        assertThat(accessLog).as("the stage's access log").hasSize(1);
        assertThat(eval(tf, accessLog.get(0), "destination_arn"))
                .isEqualTo(new Unknown("aws_cloudwatch_log_group.api_access.arn"));

        Map<String, Instance> integrations = onlyBlock(tf, "aws_apigatewayv2_integration", "function");
        assertThat(integrations.keySet()).as("Lambda integrations").isEqualTo(httpFunctions);
        integrations.forEach((name, integration) -> {
            assertThat(tf.argument(integration, "integration_type")).as(name).isEqualTo("AWS_PROXY");
            assertThat(tf.argument(integration, "payload_format_version")).as(name).isEqualTo("2.0");
            assertThat(tf.argument(integration, "integration_uri")).as(name)
                    .isEqualTo(new Unknown("aws_lambda_alias.live[\"" + name + "\"].invoke_arn"));
            assertThat(number(tf.argument(integration, "timeout_milliseconds"))).as(name)
                    .isBetween(1, 30000);
        });

        Map<String, Instance> deployed = onlyBlock(tf, "aws_apigatewayv2_route", "route");
        assertThat(deployed.keySet()).as("API Gateway routes").isEqualTo(routes.keySet());
        Map<String, Instance> permissions = onlyBlock(tf, "aws_lambda_permission", "api");
        assertThat(permissions.keySet()).as("invoke permissions").isEqualTo(routes.keySet());
        Set<Object> statementIds = new HashSet<>();

        routes.forEach((key, owner) -> {
            String function = owner.getKey();
            HttpRoute route = owner.getValue();
            Instance deployedRoute = deployed.get(key);
            assertThat(tf.argument(deployedRoute, "route_key")).isEqualTo(key);
            assertThat(tf.argument(deployedRoute, "api_id")).isEqualTo(new Unknown("aws_apigatewayv2_api.http.id"));
            assertThat(tf.argument(deployedRoute, "target")).as(key).isEqualTo(new Unknown(
                    "integrations/${aws_apigatewayv2_integration.function[\"" + function + "\"].id}"));
            assertThat(route.auth()).as(key + " auth").isIn("hmac", "iam", "operator");
            assertThat(route.access()).as(key + " access").isIn(null, "read", "operate");
            if (route.access() != null) {
                assertThat(route.auth()).as(key + ": only an operator route says what access it needs")
                        .isIn("iam", "operator");
            }
            assertThat(tf.argument(deployedRoute, "authorization_type")).as(key + " authorization")
                    .isEqualTo(route.auth().equals("iam") ? "AWS_IAM" : "NONE");

            Instance permission = permissions.get(key);
            assertThat(tf.argument(permission, "action")).isEqualTo("lambda:InvokeFunction");
            assertThat(tf.argument(permission, "principal")).isEqualTo("apigateway.amazonaws.com");
            assertThat(tf.argument(permission, "function_name")).as(key)
                    .isEqualTo(new Unknown("aws_lambda_function.function[\"" + function + "\"].function_name"));
            assertThat(tf.argument(permission, "qualifier")).as(key)
                    .isEqualTo(new Unknown("aws_lambda_alias.live[\"" + function + "\"].name"));
            String path = route.path().substring(1).replaceAll("\\{[^}]+}", "*");
            String method = route.method().equals("ANY") ? "*" : route.method();
            assertThat(tf.argument(permission, "source_arn")).as(key + " source ARN").isEqualTo(new Unknown(
                    "${aws_apigatewayv2_api.http.execution_arn}/*/" + method + "/" + path));
            Object statementId = tf.argument(permission, "statement_id");
            assertThat((String) statementId).as(key + " statement id").matches("[A-Za-z0-9_-]{1,100}");
            assertThat(statementIds.add(statementId)).as(key + " statement id is unique").isTrue();
        });
    }

    private static void assertQueues(TerraformModule tf, FunctionsManifest manifest) {
        assertThat(tf.resources("aws_sqs_queue").keySet()).as("SQS queue resources")
                .isEqualTo(Set.of("queue", "dlq"));
        Map<String, Instance> queues = tf.instances("aws_sqs_queue.queue");
        Map<String, Instance> deadLetterQueues = tf.instances("aws_sqs_queue.dlq");
        assertThat(queues.keySet()).as("queues").isEqualTo(manifest.queues().keySet());
        assertThat(deadLetterQueues.keySet()).as("dead-letter queues").isEqualTo(manifest.queues().keySet());

        Map<String, Instance> mappings = onlyBlock(tf, "aws_lambda_event_source_mapping", "queue");
        assertThat(mappings.keySet()).as("event source mappings").isEqualTo(manifest.queues().keySet());

        ObjectMapper json = new ObjectMapper();
        manifest.queues().forEach((name, spec) -> {
            String suffix = spec.fifo() ? ".fifo" : "";
            Map.Entry<String, FunctionSpec> consumer = consumerOf(manifest, name);
            Instance queue = queues.get(name);
            Instance deadLetters = deadLetterQueues.get(name);
            String what = "queue " + name;
            assertThat(tf.argument(queue, "name")).as(what).isEqualTo("herald-" + name + suffix);
            assertThat(tf.argument(deadLetters, "name")).as(what).isEqualTo("herald-" + name + "-dlq" + suffix);
            assertThat(tf.argument(queue, "fifo_queue")).as(what).isEqualTo(spec.fifo());
            assertThat(tf.argument(deadLetters, "fifo_queue")).as(what).isEqualTo(spec.fifo());
            assertThat(number(tf.argument(queue, "visibility_timeout_seconds"))).as(what + " visibility timeout")
                    .isGreaterThanOrEqualTo(6 * consumer.getValue().timeoutSeconds());

            Object redrive = tf.argument(queue, "redrive_policy");
            assertThat(redrive).as(what + " redrive policy").isInstanceOf(Unknown.class);
            try {
                JsonNode policy = json.readTree(((Unknown) redrive).text());
                assertThat(policy.path("maxReceiveCount").asInt()).as(what + " maxReceiveCount")
                        .isEqualTo(spec.maxReceiveCount());
                assertThat(policy.path("deadLetterTargetArn").asText()).as(what + " dead-letter queue")
                        .isEqualTo("${aws_sqs_queue.dlq[\"" + name + "\"].arn}");
            } catch (IOException e) {
                throw new AssertionError(what + ": redrive policy is not JSON: " + redrive, e);
            }

            Instance mapping = mappings.get(name);
            assertThat(tf.argument(mapping, "event_source_arn")).as(what)
                    .isEqualTo(new Unknown("aws_sqs_queue.queue[\"" + name + "\"].arn"));
            assertThat(tf.argument(mapping, "function_name")).as(what + " consumer")
                    .isEqualTo(aliasArn(consumer.getKey()));
            List<Block> scaling = tf.blocks(mapping.body(), "scaling_config", mapping.scope());
            if (spec.maxConcurrency() == null) {
                assertThat(scaling).as(what + " scaling").isEmpty();
            } else {
                assertThat(scaling).as(what + " scaling").hasSize(1);
                assertThat(number(eval(tf, scaling.get(0), "maximum_concurrency"))).as(what + " max concurrency")
                        .isEqualTo(spec.maxConcurrency());
            }
            assertThat(number(tf.argument(mapping, "batch_size"))).as(what + " batch size")
                    .isEqualTo(spec.batchSize());
            assertThat(tf.argument(mapping, "function_response_types")).as(what)
                    .isEqualTo(List.of("ReportBatchItemFailures"));
        });
    }

    private static void assertSchedules(TerraformModule tf, FunctionsManifest manifest) {
        Map<String, Instance> schedules = onlyBlock(tf, "aws_scheduler_schedule", "schedule");
        assertThat(schedules.keySet()).as("schedules").isEqualTo(manifest.schedules().keySet());
        Map<String, Instance> roles = tf.instances("aws_iam_role.scheduler");
        assertThat(roles.keySet()).as("scheduler roles").isEqualTo(manifest.schedules().keySet());
        Map<String, Instance> policies = tf.instances("data.aws_iam_policy_document.scheduler");

        manifest.schedules().forEach((name, spec) -> {
            String function = scheduledBy(manifest, name);
            Instance schedule = schedules.get(name);
            String what = "schedule " + name;
            assertThat(spec.expression()).as(what + " expression in functions.yaml").isNotBlank();
            assertThat(tf.argument(schedule, "schedule_expression")).as(what).isEqualTo(spec.expression());
            List<Block> targets = tf.blocks(schedule.body(), "target", schedule.scope());
            assertThat(targets).as(what + " targets").hasSize(1);
            assertThat(eval(tf, targets.get(0), "arn")).as(what + " target").isEqualTo(aliasArn(function));
            List<Block> retry = tf.blocks(targets.get(0).body(), "retry_policy", targets.get(0).scope());
            assertThat(retry).as(what + " retry policy").hasSize(1);
            assertThat(number(eval(tf, retry.get(0), "maximum_retry_attempts")))
                    .isEqualTo(spec.maxRetryAttempts() == null ? 185 : spec.maxRetryAttempts());
            assertThat(number(eval(tf, retry.get(0), "maximum_event_age_in_seconds")))
                    .isEqualTo(spec.maxEventAgeSeconds() == null ? 86400 : spec.maxEventAgeSeconds());
            // Lambda's own retries of the asynchronous invocation: at most 2
            Instance invoke = tf.instances("aws_lambda_function_event_invoke_config.scheduled").get(function);
            assertThat(invoke).as(function + " asynchronous invocation config").isNotNull();
            assertThat(tf.argument(invoke, "maximum_retry_attempts")).as(what).isEqualTo(spec.maxRetryAttempts() == null
                    ? null : java.math.BigDecimal.valueOf(Math.min(2, spec.maxRetryAttempts())));
            assertThat(eval(tf, targets.get(0), "role_arn")).as(what + " role")
                    .isEqualTo(new Unknown("aws_iam_role.scheduler[\"" + name + "\"].arn"));
            assertThat(permissions(tf, policies.get(name))).as(what + " permissions").isEqualTo(Map.of(
                    aliasArn(function), Set.of("lambda:InvokeFunction")));
        });
    }

    /** Each function's role allows exactly what functions.yaml says it touches. */
    private static void assertRoles(TerraformModule tf, FunctionsManifest manifest) {
        assertThat(tf.resources("aws_iam_role").keySet()).isEqualTo(Set.of("function", "scheduler"));
        assertThat(tf.resources("aws_iam_role_policy").keySet()).isEqualTo(Set.of("function", "scheduler"));
        assertThat(tf.instances("aws_iam_role.function").keySet()).as("function roles")
                .isEqualTo(manifest.functions().keySet());
        Map<String, Instance> attached = tf.instances("aws_iam_role_policy.function");
        assertThat(attached.keySet()).as("function role policies").isEqualTo(manifest.functions().keySet());
        Map<String, Instance> documents = tf.instances("data.aws_iam_policy_document.function");
        Map<String, Object> tableArns = map(tf.local("table_arns"));
        Set<String> tableActions = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:Query");

        manifest.functions().forEach((name, spec) -> {
            String what = "role of function " + name;
            assertThat(tf.argument(attached.get(name), "role")).as(what)
                    .isEqualTo(new Unknown("aws_iam_role.function[\"" + name + "\"].id"));
            assertThat(tf.argument(attached.get(name), "policy")).as(what)
                    .isEqualTo(new Unknown("data.aws_iam_policy_document.function[\"" + name + "\"].json"));

            Map<Object, Set<String>> expected = new HashMap<>();
            expected.put(new Unknown(arn("logs", "log-group:/aws/lambda/herald-" + name) + ":*"),
                    Set.of("logs:CreateLogStream", "logs:PutLogEvents"));
            for (String table : spec.tables()) {
                assertThat(tableArns).as(what + ": table " + table + " of functions.yaml").containsKey(table);
                expected.put(arn("dynamodb", "table/herald-" + table), tableActions);
                expected.put(new Unknown(arn("dynamodb", "table/herald-" + table) + "/index/*"), tableActions);
            }
            for (String queue : spec.sendsTo()) {
                assertThat(manifest.queues()).as(what + ": queue " + queue + " of sends_to").containsKey(queue);
                expected.computeIfAbsent(queueArn(manifest, queue), k -> new HashSet<>())
                        .addAll(Set.of("sqs:GetQueueUrl", "sqs:SendMessage"));
            }
            // its own parameters only, read in one call
            functionSecrets(tf, spec).values().forEach(parameter -> expected.put(
                    parameterArn(parameter.substring(1)), Set.of("ssm:GetParameters")));
            if (spec.queue() != null) {
                expected.computeIfAbsent(queueArn(manifest, spec.queue()), k -> new HashSet<>())
                        .addAll(Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"));
            }
            assertThat(permissions(tf, documents.get(name))).as(what).isEqualTo(expected);
        });
    }

    private static void assertAlarms(TerraformModule tf, FunctionsManifest manifest) {
        assertThat(tf.resources("aws_cloudwatch_metric_alarm").keySet()).isEqualTo(Set.of("dlq_not_empty",
                "queue_backlog", "function_errors", "function_throttles", "recursive_invocations_dropped", "api_5xx",
                "schedule_invocations_dropped"));
        Map<String, Instance> deadLetters = tf.instances("aws_cloudwatch_metric_alarm.dlq_not_empty");
        assertThat(deadLetters.keySet()).as("dead-letter queue alarms").isEqualTo(manifest.queues().keySet());
        deadLetters.forEach((queue, alarm) -> {
            assertAlarm(tf, alarm, "AWS/SQS", "ApproximateNumberOfMessagesVisible");
            assertThat(tf.argument(alarm, "dimensions")).as(queue)
                    .isEqualTo(Map.of("QueueName", new Unknown("aws_sqs_queue.dlq[\"" + queue + "\"].name")));
        });
        Map<String, Instance> errors = tf.instances("aws_cloudwatch_metric_alarm.function_errors");
        assertThat(errors.keySet()).as("function error alarms").isEqualTo(manifest.functions().keySet());
        errors.forEach((function, alarm) -> {
            assertAlarm(tf, alarm, "AWS/Lambda", "Errors");
            assertThat(tf.argument(alarm, "dimensions")).as(function).isEqualTo(Map.of("FunctionName",
                    new Unknown("aws_lambda_function.function[\"" + function + "\"].function_name")));
        });
        for (String perFunction : List.of("function_throttles", "recursive_invocations_dropped")) {
            Map<String, Instance> alarms = tf.instances("aws_cloudwatch_metric_alarm." + perFunction);
            assertThat(alarms.keySet()).as(perFunction + " alarms").isEqualTo(manifest.functions().keySet());
            alarms.forEach((function, alarm) -> {
                assertAlarm(tf, alarm, "AWS/Lambda", perFunction.equals("function_throttles") ? "Throttles"
                        : "RecursiveInvocationsDropped");
                assertThat(tf.argument(alarm, "dimensions")).as(function).isEqualTo(Map.of("FunctionName",
                        new Unknown("aws_lambda_function.function[\"" + function + "\"].function_name")));
            });
        }
        Map<String, Instance> backlogs = tf.instances("aws_cloudwatch_metric_alarm.queue_backlog");
        assertThat(backlogs.keySet()).as("queue backlog alarms").isEqualTo(manifest.queues().keySet());
        backlogs.forEach((queue, alarm) -> {
            assertThat(tf.argument(alarm, "metric_name")).isEqualTo("ApproximateAgeOfOldestMessage");
            assertThat(tf.argument(alarm, "dimensions")).as(queue)
                    .isEqualTo(Map.of("QueueName", new Unknown("aws_sqs_queue.queue[\"" + queue + "\"].name")));
            // longer than the longest delay SQS allows a message, which retries use
            assertThat(number(tf.argument(alarm, "threshold"))).as(queue).isGreaterThan(900);
            assertThat(tf.argument(alarm, "alarm_actions")).isEqualTo(List.of(new Unknown("var.alarm_topic_arn")));
        });
        assertAlarm(tf, single(tf, "aws_cloudwatch_metric_alarm.api_5xx"), "AWS/ApiGateway", "5xx");
        assertAlarm(tf, single(tf, "aws_cloudwatch_metric_alarm.schedule_invocations_dropped"), "AWS/Scheduler",
                "InvocationDroppedCount");
    }

    private static void assertAlarm(TerraformModule tf, Instance alarm, String namespace, String metric) {
        assertThat(tf.argument(alarm, "namespace")).isEqualTo(namespace);
        assertThat(tf.argument(alarm, "metric_name")).isEqualTo(metric);
        assertThat(tf.argument(alarm, "comparison_operator")).isEqualTo("GreaterThanThreshold");
        assertThat(number(tf.argument(alarm, "threshold"))).isZero();
        assertThat(tf.argument(alarm, "alarm_actions")).isEqualTo(List.of(new Unknown("var.alarm_topic_arn")));
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    /** The instances of TYPE.NAME, which must be the only resource of its type. */
    private static Map<String, Instance> onlyBlock(TerraformModule tf, String type, String name) {
        assertThat(tf.resources(type).keySet()).as(type + " resources").isEqualTo(Set.of(name));
        return tf.instances(type + "." + name);
    }

    private static Instance single(TerraformModule tf, String address) {
        Map<String, Instance> instances = tf.instances(address);
        assertThat(instances.keySet()).as(address + " has no for_each").containsExactly((String) null);
        return instances.get(null);
    }

    private static Object eval(TerraformModule tf, Block block, String argument) {
        return tf.eval(block.body().get(argument), block.scope());
    }

    private static Map<String, Object> environment(TerraformModule tf, Instance lambda) {
        List<Block> environment = tf.blocks(lambda.body(), "environment", lambda.scope());
        assertThat(environment).hasSize(1);
        return map(tf.eval(environment.get(0).body().get("variables"), environment.get(0).scope()));
    }

    /** Resource => allowed actions, over all statements of a policy document instance. */
    private static Map<Object, Set<String>> permissions(TerraformModule tf, Instance document) {
        Map<Object, Set<String>> allowed = new HashMap<>();
        for (Block statement : tf.blocks(document.body(), "statement", document.scope())) {
            Set<String> fields = new HashSet<>();
            statement.body().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("statement arguments (Allow, no conditions or not_*)")
                    .isSubsetOf("sid", "actions", "resources");
            List<?> actions = (List<?>) tf.eval(statement.body().get("actions"), statement.scope());
            List<?> resources = (List<?>) tf.eval(statement.body().get("resources"), statement.scope());
            for (Object resource : resources) {
                assertThat(resource).as("resource of a statement").isNotEqualTo("*");
                for (Object action : actions) {
                    assertThat((String) action).as("action").doesNotContain("*");
                    allowed.computeIfAbsent(resource, k -> new HashSet<>()).add((String) action);
                }
            }
        }
        return allowed;
    }

    /**
     * Secret => parameter name, for the secrets of a function whose parameter the configuration sets;
     * {@code HERALD_OPERATOR_KEYS} stands for one parameter per console operator.
     */
    private static Map<String, String> functionSecrets(TerraformModule tf, FunctionSpec spec) {
        Map<String, Object> parameters = map(tf.local("secret_parameters"));
        Map<String, String> secrets = new TreeMap<>();
        for (String secret : spec.secrets()) {
            if (secret.equals(OPERATOR_KEYS)) {
                map(tf.variable("console_operators")).keySet().forEach(operator -> secrets.put(
                        OPERATOR_KEYS + "_" + operator.toUpperCase(Locale.ROOT) + "_SHA256",
                        tf.variable("operator_key_parameter_prefix") + operator));
                continue;
            }
            assertThat(parameters).as("secret " + secret + " of functions.yaml").containsKey(secret);
            String parameter = (String) parameters.get(secret);
            if (!parameter.isEmpty()) {
                secrets.put(secret, parameter);
            }
        }
        return secrets;
    }

    /** The ARN of parameter {@code /<path>} in the deployment's partition, region and account. */
    private static Unknown parameterArn(String path) {
        return new Unknown("arn:${data.aws_partition.current.partition}:ssm:${${var.aws_region}:${var.aws_account_id}}"
                + ":parameter/" + path);
    }

    private static Unknown queueArn(FunctionsManifest manifest, String queue) {
        return arn("sqs", "herald-" + queue + (manifest.queues().get(queue).fifo() ? ".fifo" : ""));
    }

    /** The ARN of the alias "live" of a function, which every trigger invokes. */
    private static Unknown aliasArn(String function) {
        return new Unknown(arn("lambda", "function:herald-" + function) + ":live");
    }

    /** An ARN as arns.tf builds it, in the deployment's partition, region and account. */
    private static Unknown arn(String service, String resource) {
        return new Unknown("${arn:${data.aws_partition.current.partition}}:" + service
                + ":${${var.aws_region}:${var.aws_account_id}}:" + resource);
    }

    private static Map.Entry<String, FunctionSpec> consumerOf(FunctionsManifest manifest, String queue) {
        List<Map.Entry<String, FunctionSpec>> consumers = manifest.functions().entrySet().stream()
                .filter(f -> queue.equals(f.getValue().queue())).toList();
        assertThat(consumers).as("consumers of queue " + queue).hasSize(1);
        return consumers.get(0);
    }

    private static String scheduledBy(FunctionsManifest manifest, String schedule) {
        List<String> functions = manifest.functions().entrySet().stream()
                .filter(f -> schedule.equals(f.getValue().schedule())).map(Map.Entry::getKey).toList();
        assertThat(functions).as("functions triggered by schedule " + schedule).hasSize(1);
        return functions.get(0);
    }

    /** The functions of functions.yaml this configuration deploys: those of an optional part only when enabled. */
    private static FunctionsManifest deployed(TerraformModule tf, FunctionsManifest manifest) {
        Map<String, FunctionSpec> functions = new TreeMap<>();
        manifest.functions().forEach((name, spec) -> {
            if (spec.feature() != null) {
                assertThat(spec.feature()).as(name + ": an optional part the Terraform knows").isEqualTo("console");
            }
            if (spec.feature() == null || Boolean.TRUE.equals(tf.variable("console_enabled"))) {
                functions.put(name, spec);
            }
        });
        return new FunctionsManifest(functions, manifest.api(), manifest.queues(), manifest.schedules());
    }

    private static int number(Object value) {
        assertThat(value).isInstanceOf(BigDecimal.class);
        return ((BigDecimal) value).intValueExact();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private record Table(String hash, String range, Map<String, String> attributes, Set<Index> indexes) {
    }

    private record Index(String name, String hash, String range) {
    }

    /**
     * functions.yaml with one of everything added: a scheduled function, a function with two more routes (one
     * with a path parameter, one for any method) and a secret, and a FIFO queue with its consumer.
     */
    @SuppressWarnings("unchecked")
    private static String extendedManifest() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Object> wiring = yaml.readValue(PROJECT.resolve("functions.yaml").toFile(), LinkedHashMap.class);
        Map<String, Object> functions = (Map<String, Object>) wiring.get("functions");
        functions.put("reporter", Map.of("description", "Nightly report.", "handler", "reporter",
                "timeout_seconds", 20, "memory_mb", 512, "schedule", "nightly", "tables", List.of("audit")));
        functions.put("webhook", Map.of("description", "Provider callbacks.", "handler", "webhook",
                "timeout_seconds", 5, "memory_mb", 128,
                "http", List.of(Map.of("method", "POST", "path", "/hooks/{id}", "auth", "hmac"),
                        Map.of("method", "ANY", "path", "/status", "auth", "iam")),
                "tables", List.of("notifications", "write-backs"), "sends_to", List.of("dispatch", "reports"),
                "secrets", List.of("HERALD_OPENTEXT_CLIENT_SECRET")));
        functions.put("archiver", Map.of("description", "Archives.", "handler", "archiver",
                "timeout_seconds", 60, "memory_mb", 256, "queue", "reports"));
        Map<String, Object> queues = new LinkedHashMap<>((Map<String, Object>) wiring.get("queues"));
        queues.put("reports", Map.of("batch_size", 5, "max_receive_count", 3, "fifo", true, "message_seconds", 10,
                "max_concurrency", 2));
        wiring.put("queues", queues);
        Map<String, Object> schedules = new LinkedHashMap<>((Map<String, Object>) wiring.get("schedules"));
        schedules.put("nightly", Map.of("expression", "cron(0 3 * * ? *)", "every", "24h", "max_retry_attempts", 5,
                "max_event_age_seconds", 3600));
        wiring.put("schedules", schedules);
        return yaml.writeValueAsString(wiring);
    }
}
