package io.herald.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.support.PackagedHerald;
import io.herald.support.ServerEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged application started as a server starts it (no local profile) refuses to run with any setting only
 * fit for local mode, and names the setting. One start per setting; every other setting is proper.
 */
class ProductionRefusesLocalSettingsIT {

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
        // each sample secret shipped for local mode
        "HERALD_XCONNECTOR_SECRET       | local-xconnector-secret                 | herald.intake.senders.xconnector.secret (HERALD_XCONNECTOR_SECRET) is a sample value",
        "HERALD_ACTION_TOKEN_KEY        | local-action-token-key-0123456789abcdef | herald.callback.tokens.keys.primary.secret (HERALD_ACTION_TOKEN_KEY) is a sample value",
        "HERALD_OPENTEXT_WEBHOOK_SECRET | local-opentext-webhook-secret           | herald.callback.status-webhook-secret (HERALD_OPENTEXT_WEBHOOK_SECRET) is a sample value",
        "HERALD_WRITEBACK_SECRET        | local-writeback-secret                  | herald.writeback.secret (HERALD_WRITEBACK_SECRET) is a sample value",
        "HERALD_TASK_ID_SECRET          | local-task-id-secret-0123456789abcdef   | herald.tasks.id-secret (HERALD_TASK_ID_SECRET) is a sample value",
        "HERALD_OPENTEXT_CLIENT_SECRET  | herald-local-secret                     | herald.opentext.client-secret (HERALD_OPENTEXT_CLIENT_SECRET) is a sample value",
        "HERALD_CONSOLE_SESSION_SECRET  | local-console-session-secret-0123456789 | herald.console.session.secret (HERALD_CONSOLE_SESSION_SECRET) is a sample value",
        // a secret too short, one missing
        "HERALD_XCONNECTOR_SECRET       | only-twenty-one-chars                   | herald.intake.senders.xconnector.secret (HERALD_XCONNECTOR_SECRET) is shorter than 32 characters",
        "HERALD_WRITEBACK_SECRET        | ''                                      | herald.writeback.secret (HERALD_WRITEBACK_SECRET) is not set",
        // no store chosen: a server would keep its events in a file wherever it happens to run
        "HERALD_STORE_KIND              | ''                                      | herald.store.kind (HERALD_STORE_KIND) is not set",
        // links to a page no browser should trust, or none can reach
        "HERALD_CALLBACK_BASE_URL       | http://herald.example.com               | herald.callback.base-url (HERALD_CALLBACK_BASE_URL) must be an https URL",
        "HERALD_CALLBACK_BASE_URL       | https://127.0.0.1:8443                  | herald.callback.base-url (HERALD_CALLBACK_BASE_URL) is a loopback address",
        // outside-facing settings pointed at a simulator
        "HERALD_OPENTEXT_MESSAGING_URL  | http://localhost:8080/sim/opentext      | herald.opentext.messaging-url (HERALD_OPENTEXT_MESSAGING_URL) points at a simulator",
        "HERALD_WRITEBACK_URL           | http://localhost:8080/sim/xconnector/writebacks | herald.writeback.url (HERALD_WRITEBACK_URL) points at a simulator",
    })
    void productionRefusesToStartNamingTheSetting(String variable, String value, String complaint) throws Exception {
        Map<String, String> environment = ServerEnvironment.proper();
        if (value.isEmpty()) {
            environment.remove(variable);
        } else {
            environment.put(variable, value);
        }

        try (PackagedHerald herald = PackagedHerald.start(environment)) {
            assertThat(herald.awaitExit()).as("Herald exits instead of serving").isTrue();
            assertThat(herald.exitValue()).isNotZero();
            assertThat(herald.output()).contains("Herald refuses to start in production").contains(complaint);
            if (variable.endsWith("_SECRET") || variable.endsWith("_KEY")) {
                assertThat(herald.output()).as("a refusal never shows a secret").doesNotContain(value.isEmpty()
                        ? environment.getOrDefault(variable, "\u0000") : value);
            }
        }
    }

    @Test
    void aLambdaFunctionNeedsOnlyTheSecretsFunctionsYamlListsForIt() throws Exception {
        Map<String, String> environment = ServerEnvironment.proper();
        for (String other : List.of("HERALD_XCONNECTOR_SECRET", "HERALD_ACTION_TOKEN_KEY",
                "HERALD_OPENTEXT_WEBHOOK_SECRET", "HERALD_TASK_ID_SECRET", "HERALD_OPENTEXT_CLIENT_SECRET",
                "HERALD_CONSOLE_SESSION_SECRET")) {
            environment.remove(other);
        }
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "herald-writeback");
        environment.put("QUARKUS_LAMBDA_HANDLER", "writeback");

        try (PackagedHerald herald = PackagedHerald.start(environment)) {
            herald.awaitReady();
            assertThat(herald.output()).doesNotContain("Herald refuses to start");
        }
    }
}
