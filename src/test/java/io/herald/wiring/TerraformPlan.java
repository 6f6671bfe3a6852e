package io.herald.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code terraform plan} would create, read from {@code terraform show -json}: the planned values of every
 * resource instance. The plan is made offline: fake credentials, the provider's start-up checks skipped and STS at
 * an address where nothing answers (the account is a variable, so nothing asks for it), all in a
 * {@code *_override.tf} of the copy only, so the deployment's own provider configuration is the one a real apply
 * uses.
 */
final class TerraformPlan {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-central-1";
    static final String ALARM_TOPIC = "arn:aws:sns:eu-central-1:123456789012:herald-alarms";

    /** The required variables, set as an operator's terraform.tfvars would. */
    static final Map<String, String> VARIABLES = Map.of(
            "aws_region", REGION,
            "aws_account_id", ACCOUNT,
            "alarm_topic_arn", ALARM_TOPIC,
            "opentext_auth_url", "https://auth.opentext.example",
            "opentext_messaging_url", "https://messaging.opentext.example",
            "opentext_gateway_url", "https://gateway.opentext.example",
            "opentext_tenant_id", "tenant",
            "opentext_client_id", "herald",
            "xconnector_writeback_url", "https://xconnector.example/herald/writebacks");

    static final String OVERRIDE_FILE = "offline_plan_override.tf";
    /** Port 1 of the loopback: a call to STS would fail the plan rather than reach AWS. */
    static final String OFFLINE_PROVIDER = """
            provider "aws" {
              access_key                  = "offline-plan"
              secret_key                  = "offline-plan"
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
              endpoints {
                sts = "http://127.0.0.1:1"
              }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PLANS = new AtomicInteger();

    private final JsonNode plan;

    private TerraformPlan(JsonNode plan) {
        this.plan = plan;
    }

    /** Plans the shared initialised copy offline with the required variables and reads the plan. */
    static TerraformPlan offline() {
        return offline(Map.of());
    }

    /** The same with variables set besides the required ones, as by {@code -var name=value}. */
    static TerraformPlan offline(Map<String, String> variables) {
        TerraformCli cli = TerraformCli.shared();
        String file = "offline-" + PLANS.incrementAndGet() + ".plan";
        List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-lock=false", "-refresh=false",
                "-no-color", "-out=" + file));
        VARIABLES.forEach((name, value) -> plan.add("-var=" + name + "=" + value));
        variables.forEach((name, value) -> plan.add("-var=" + name + "=" + value));
        cli.run(plan.toArray(String[]::new)).succeeded();
        String json = cli.run("show", "-json", file).succeeded().stdout();
        try {
            return new TerraformPlan(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every planned resource instance by address, e.g. {@code aws_lambda_function.function["intake"]}. */
    Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        for (JsonNode resource : plan.path("planned_values").path("root_module").path("resources")) {
            resources.put(resource.path("address").asText(), resource);
        }
        return resources;
    }

    /** The planned values of the instances of {@code TYPE.NAME}, by for_each key (an empty key without for_each). */
    Map<String, JsonNode> instances(String type, String name) {
        Map<String, JsonNode> instances = new LinkedHashMap<>();
        for (JsonNode resource : resources().values()) {
            if (resource.path("mode").asText().equals("managed") && resource.path("type").asText().equals(type)
                    && resource.path("name").asText().equals(name)) {
                instances.put(resource.path("index").asText(""), resource.path("values"));
            }
        }
        return instances;
    }

    /** The planned values of a resource without for_each. */
    JsonNode single(String type, String name) {
        Map<String, JsonNode> instances = instances(type, name);
        if (!instances.keySet().equals(Set.of(""))) {
            throw new AssertionError(type + "." + name + ": expected one instance, planned " + instances.keySet());
        }
        return instances.get("");
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
