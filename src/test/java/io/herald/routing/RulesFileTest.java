package io.herald.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.config.ConfigurationProblem;
import io.herald.config.Position;
import io.herald.directory.yaml.YamlDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules file with problems is refused with every problem named by file, line and reason. */
class RulesFileTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");

    private static ConfigurationProblem problemsOf(String fixture) {
        return catchThrowableOfType(ConfigurationProblem.class,
                () -> RuleSet.load("classpath:routing/bad/" + fixture, DIRECTORY));
    }

    private static ConfigurationProblem.Issue issue(int line, int column, String reason) {
        return new ConfigurationProblem.Issue(new Position(line, column), reason);
    }

    @Test
    void validFileLoadsItsRulesInOrder() {
        RuleSet rules = RuleSet.load("classpath:routing/rules-matching.yaml", DIRECTORY);

        assertThat(rules.file()).isEqualTo("classpath:routing/rules-matching.yaml");
        assertThat(rules.names()).containsExactly("exact-type", "type-prefix", "exact-source", "source-prefix",
                "subject-condition", "big-euro-payment", "emea-order");
    }

    @Test
    void rulesFromTheFilesystemLoadToo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - {name: one, match: {type: a}, recipients: [{user: alice}], template: t, channels: [sms]}
                """);

        assertThat(RuleSet.load(file.toString(), DIRECTORY).names()).containsExactly("one");
    }

    @Test
    void missingFileIsReported() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> RuleSet.load("/no/such/rules.yaml", DIRECTORY));

        assertThat(problem.getMessage()).contains("/no/such/rules.yaml: file not found");
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndReason() {
        ConfigurationProblem problem = problemsOf("rules-syntax.yaml");

        assertThat(problem.file()).isEqualTo("classpath:routing/bad/rules-syntax.yaml");
        assertThat(problem.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.position()).isEqualTo(new Position(4, 31));
            assertThat(issue.reason()).startsWith("invalid YAML: expected ',' or ']'");
        });
        assertThat(problem.getMessage())
                .contains("classpath:routing/bad/rules-syntax.yaml line 4, column 31: invalid YAML");
    }

    @Test
    void unknownKeysAreReportedTogetherWithTheirPositions() {
        ConfigurationProblem problem = problemsOf("rules-unknown-keys.yaml");

        assertThat(problem.issues()).contains(
                issue(1, 1, "rules file: unknown key 'version' (allowed: rules)"),
                issue(5, 7, "rule 'typo-in-match': match: unknown key 'tpye' (allowed: condition, source, "
                        + "sourcePrefix, type, typePrefix)"),
                issue(5, 7, "rule 'typo-in-match': match: missing 'type' or 'typePrefix'"),
                issue(12, 32, "rule 'typo-in-rule': recipient: unknown key 'usr' (allowed: alternateOf, group, "
                        + "managerOf, ref, team, teamRef, user)"),
                issue(12, 44, "rule 'typo-in-rule': recipient: unknown key 'member' (allowed: alternateOf, group, "
                        + "managerOf, ref, team, teamRef, user)"),
                issue(13, 5, "rule 'typo-in-rule': unknown key 'tempalte' (allowed: announce, channels, group, match, "
                        + "name, priority, recipients, task, template, throttle)"),
                issue(10, 5, "rule 'typo-in-rule': missing required 'template'"));
        assertThat(problem.getMessage()).startsWith(
                "Invalid configuration file classpath:routing/bad/rules-unknown-keys.yaml (8 problems):");
    }

    @Test
    void missingRequiredFieldsAreReported() {
        assertThat(problemsOf("rules-missing-fields.yaml").issues()).containsExactly(
                issue(2, 5, "rule #1: missing required 'name'"),
                issue(7, 5, "rule 'nothing-but-a-name': missing required 'match'"),
                issue(7, 5, "rule 'nothing-but-a-name': missing required 'recipients'"),
                issue(7, 5, "rule 'nothing-but-a-name': missing required 'template'"),
                issue(7, 5, "rule 'nothing-but-a-name': missing required 'channels'"),
                issue(10, 25, "rule 'empty-lists': match: 'typePrefix' must not be empty"),
                issue(11, 17, "rule 'empty-lists': 'recipients' must not be empty"),
                issue(13, 15, "rule 'empty-lists': 'channels' must not be empty"));
    }

    @Test
    void unknownChannelPriorityAndConflictingEntriesAreReported() {
        assertThat(problemsOf("rules-bad-values.yaml").issues()).contains(
                issue(3, 46, "rule 'fax-and-critical': match: give either 'type' or 'typePrefix', not both"),
                issue(6, 23, "rule 'fax-and-critical': unknown channel 'fax' (allowed: email, sms, inapp)"),
                issue(6, 28, "rule 'fax-and-critical': channel 'email' is listed twice"),
                issue(7, 15, "rule 'fax-and-critical': unknown priority 'critical' (allowed: low, normal, high, "
                        + "urgent)"),
                issue(9, 11, "rule 'fax-and-critical': another rule has the same name"),
                issue(10, 60, "rule 'fax-and-critical': match: give either 'source' or 'sourcePrefix', not both"),
                issue(13, 16, "rule 'fax-and-critical': unknown channel 'EMAIL' (allowed: email, sms, inapp)"));
    }

    @Test
    void malformedGroupBlocksAndUrgentGroupsAreReported() {
        assertThat(problemsOf("rules-bad-group.yaml").issues()).extracting(ConfigurationProblem.Issue::reason)
                .containsExactlyInAnyOrder(
                        "rule 'grouped-badly': group: 'data..errorCode' is not an event path (use "
                                + "data.field.subfield, or a context attribute or extension such as subject)",
                        "rule 'grouped-badly': group: unknown key 'size' (allowed: by, interval, repeat, wait)",
                        "rule 'grouped-badly': group: wait 'soon' is not a duration (use e.g. 90s, 30m, 4h, 2d, "
                                + "1h30m or ISO-8601 PT4H)",
                        "rule 'grouped-badly': group: 'interval' must be more than zero, not 0m",
                        "rule 'grouped-badly': group: 'repeat' must be more than zero, not -PT1H",
                        "rule 'urgent-and-grouped': group: an urgent rule is sent at once and never grouped; give "
                                + "the group to a rule of lower priority");
    }

    @Test
    void malformedThrottleBlocksAndUrgentOrGroupedThrottlesAreReported() {
        assertThat(problemsOf("rules-bad-throttle.yaml").issues()).extracting(ConfigurationProblem.Issue::reason)
                .containsExactlyInAnyOrder(
                        "rule 'throttled-badly': throttle: unknown key 'every' (allowed: digest, max, per)",
                        "rule 'throttled-badly': throttle: 'max' must be a whole number of at least 1, not none",
                        "rule 'throttled-badly': throttle: 'per' must be more than zero, not 0m",
                        "rule 'throttled-badly': throttle: missing required 'digest'",
                        "rule 'urgent-and-throttled': throttle: an urgent rule is sent at once and never throttled; "
                                + "give the throttle to a rule of lower priority",
                        "rule 'grouped-and-throttled': give either 'group' or 'throttle', not both (a group's "
                                + "announcements are few already)");
    }

    @Test
    void malformedEventPathsAreReported() {
        assertThat(problemsOf("rules-bad-values.yaml").issues())
                .filteredOn(issue -> issue.reason().contains("is not an event path"))
                .extracting(ConfigurationProblem.Issue::position)
                .containsExactly(new Position(11, 24), new Position(11, 43), new Position(11, 66));
    }

    @Test
    void invalidConditionsAreReportedWithTheParsersReason() {
        assertThat(problemsOf("rules-bad-conditions.yaml").issues()).satisfiesExactly(
                issue -> {
                    assertThat(issue.position()).isEqualTo(new Position(3, 33));
                    assertThat(issue.reason()).startsWith(
                            "rule 'incomplete': match: invalid condition: Cannot parse: mismatched input '<EOF>'");
                },
                issue -> assertThat(issue).isEqualTo(
                        issue(9, 33, "rule 'unknown-function': match: invalid condition: unknown function 'SHOUT'")),
                issue -> assertThat(issue).isEqualTo(issue(17, 18, "rule 'unclosed-literal': match: invalid "
                        + "condition: string literal starting at position 11 is not closed")),
                issue -> assertThat(issue.reason()).startsWith(
                        "rule 'dotted-attribute': match: invalid condition: unexpected '.' at position 8"));
    }

    @Test
    void recipientsMustBeInTheDirectory() {
        assertThat(problemsOf("rules-unknown-names.yaml").issues()).containsExactly(
                issue(5, 15, "rule 'strangers': recipient: user 'zed' is not in the directory"),
                issue(6, 15, "rule 'strangers': recipient: team 'nope' is not in the directory"),
                issue(7, 16, "rule 'strangers': recipient: group 'nobody' is not in the directory"));
    }
}
