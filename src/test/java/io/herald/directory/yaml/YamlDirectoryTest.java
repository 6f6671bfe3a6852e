package io.herald.directory.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.config.ConfigurationProblem;
import io.herald.config.ConfigurationProblem.Issue;
import io.herald.config.Position;
import io.herald.directory.Group;
import io.herald.directory.Team;
import io.herald.directory.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDirectoryTest {

    private static Issue issue(int line, int column, String reason) {
        return new Issue(new Position(line, column), reason);
    }

    @Test
    void usersCarryTheirAttributesAndAreListedInIdOrder() {
        YamlDirectory directory = YamlDirectory.load(YamlDirectory.SAMPLE);

        assertThat(directory.user("carol")).hasValueSatisfying(carol -> {
            assertThat(carol.attributes()).isEqualTo(Map.of("region", "amer", "department", "logistics"));
            assertThat(carol.matches(Map.of("region", "amer"))).isTrue();
            assertThat(carol.matches(Map.of("region", "amer", "department", "finance"))).isFalse();
            assertThat(carol.matches(Map.of())).isTrue();
        });
        assertThat(directory.users()).extracting(User::id).containsExactly("alice", "bob", "carol", "dave", "erin",
                "frank", "grace", "heidi");
    }

    @Test
    void looksUpUsersTeamsAndGroups() {
        YamlDirectory directory = YamlDirectory.load("classpath:routing/directory.yaml");

        assertThat(directory.user("bob")).contains(new User("bob", "Bob", "bob@example.com", "+4915110000002", "de",
                "Europe/Berlin", "alice", "carol"));
        assertThat(directory.user("heidi")).hasValueSatisfying(heidi -> {
            assertThat(heidi.email()).isNull();
            assertThat(heidi.phone()).isNull();
        });
        assertThat(directory.team("finance")).contains(new Team("finance", "Finance", "bob", List.of("bob",
                "alice")));
        assertThat(directory.group("ops")).contains(new Group("ops", "Ops", List.of("frank", "grace",
                "ivan")));
    }

    @Test
    void unknownIdsAreEmpty() {
        YamlDirectory directory = YamlDirectory.load("classpath:routing/directory.yaml");

        assertThat(directory.user("zed")).isEmpty();
        assertThat(directory.user(null)).isEmpty();
        assertThat(directory.team("bob")).isEmpty();
        assertThat(directory.group("finance")).isEmpty();
    }

    @Test
    void bundledSampleDescribesTheSampleCompany() {
        YamlDirectory sample = YamlDirectory.load(YamlDirectory.SAMPLE);

        assertThat(sample.user("bob")).map(User::manager).contains("alice");
        assertThat(sample.user("dave")).map(User::manager).contains("erin");
        assertThat(sample.user("frank")).map(User::alternate).contains("grace");
        assertThat(sample.user("heidi")).map(User::phone).isEmpty();
        assertThat(sample.group("ops")).map(Group::members).contains(List.of("frank", "grace"));
        assertThat(sample.team("service")).isPresent();
        assertThat(sample.team("logistics")).isPresent();
        assertThat(sample.group("all-staff")).map(g -> g.members().size()).contains(8);
    }

    @Test
    void readsAFileFromTheFilesystem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("directory.yaml"), """
                users:
                  zoe: {name: Zoë, phone: "+447700900123", locale: en-GB, timeZone: Europe/London}
                """);

        assertThat(YamlDirectory.load(file.toString()).user("zoe")).map(User::phone).contains("+447700900123");
    }

    @Test
    void everyProblemOfTheFileIsReportedWithItsLine() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> YamlDirectory.load("classpath:routing/bad/directory-problems.yaml"));

        assertThat(problem.file()).isEqualTo("classpath:routing/bad/directory-problems.yaml");
        assertThat(problem.issues()).containsExactly(
                issue(5, 12, "user 'alice': email 'alice(at)example.com' is not an e-mail address"),
                issue(6, 12, "user 'alice': phone '015112345678' is not a phone number in E.164 form "
                        + "(e.g. +4915112345678)"),
                issue(7, 13, "user 'alice': locale 'xx' names an unknown language"),
                issue(8, 15, "user 'alice': timeZone 'Europe/Atlantis' is not an IANA time zone "
                        + "(e.g. Europe/Berlin)"),
                issue(9, 5, "user 'alice': unknown key 'nickname' (allowed: alternate, attributes, email, locale, "
                        + "manager, name, phone, timeZone)"),
                issue(14, 14, "user 'bob': manager: 'zed' is not a user of this directory"),
                issue(15, 16, "user 'bob': a user cannot be their own alternate"),
                issue(17, 5, "user 'carol': missing required 'name'"),
                issue(18, 13, "user 'carol': locale 'en-ZZ' names an unknown region"),
                issue(19, 15, "user 'carol': timeZone '+02:00' is not an IANA time zone (e.g. Europe/Berlin)"),
                issue(23, 11, "team 'finance': lead: 'nobody' is not a user of this directory"),
                issue(24, 20, "team 'finance': member: 'ghost' is not a user of this directory"),
                issue(27, 5, "group 'ops': missing required 'name'"),
                issue(27, 20, "group 'ops': member 'bob' is listed twice"));
        assertThat(problem.getMessage())
                .startsWith("Invalid configuration file classpath:routing/bad/directory-problems.yaml (14 problems):")
                .contains("classpath:routing/bad/directory-problems.yaml line 14, column 14: user 'bob': manager");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> YamlDirectory.load("classpath:routing/bad/directory-syntax.yaml"));

        assertThat(problem.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.position().line()).isEqualTo(4);
            assertThat(issue.reason()).startsWith("invalid YAML: ");
        });
    }

    @Test
    void missingFileIsReported() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> YamlDirectory.load("classpath:routing/nope.yaml"));

        assertThat(problem.getMessage()).endsWith("classpath:routing/nope.yaml: file not found");
    }

    @Test
    void secondYamlDocumentIsRefusedRatherThanIgnored(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("two.yaml"), """
                users:
                  zoe: {name: Zoe, locale: en, timeZone: UTC}
                ---
                users:
                  max: {name: Max, locale: en, timeZone: UTC}
                """);

        assertThat(catchThrowableOfType(ConfigurationProblem.class, () -> YamlDirectory.load(file.toString()))
                .issues()).extracting(Issue::position, Issue::reason)
                .containsExactly(tuple(new Position(4, 1),
                        "the file holds more than one YAML document; put everything in one"));
    }

    @Test
    void emptyFileIsReported(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");

        assertThat(catchThrowableOfType(ConfigurationProblem.class, () -> YamlDirectory.load(file.toString()))
                .issues()).extracting(Issue::reason).containsExactly("the file is empty");
    }
}
