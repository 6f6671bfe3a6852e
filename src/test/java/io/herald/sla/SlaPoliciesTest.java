package io.herald.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.config.ConfigurationProblem;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.Channel;
import io.herald.domain.SlaCalendar;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.SlaWarning;
import io.herald.routing.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLA policy file: the sample loads as documented, and every mistake is refused with its line and reason. */
class SlaPoliciesTest {

    private static final YamlDirectory SAMPLE_DIRECTORY = YamlDirectory.load(YamlDirectory.SAMPLE);
    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<LocalDate> HOLIDAYS = List.of(LocalDate.parse("2026-12-24"),
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"), LocalDate.parse("2027-01-01"));

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** The problems of an SLA file, each as {@code line N: reason}. */
    private List<String> problems(String yaml) throws IOException {
        Path file = write("sla.yaml", yaml);
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> SlaPolicies.load(file.toString(), DIRECTORY));
        assertThat(problem).as("the file is refused").isNotNull();
        return lines(problem);
    }

    private static List<String> lines(ConfigurationProblem problem) {
        return problem.issues().stream().map(i -> "line " + i.position().line() + ": " + i.reason()).toList();
    }

    /** A valid policy file around one policy body, indented under {@code policies: p:}. */
    private static String policy(String body) {
        return """
                calendars:
                  office: {timeZone: Europe/Berlin, workingDays: [MON, TUE], hours: {opens: "08:00", closes: "18:00"}}
                policies:
                  p:
                """ + body.indent(4);
    }

    @Test
    void sampleFileLoadsTheCaseResponsePolicyAsDocumented() {
        SlaPolicies policies = SlaPolicies.load(SlaPolicies.SAMPLE, SAMPLE_DIRECTORY);

        assertThat(policies.file()).isEqualTo("classpath:herald/sla.yaml");
        assertThat(policies.names()).containsExactly("case-response", "callback-promise", "purchase-order-approval");
        SlaPolicyConfig caseResponse = policies.policy("case-response").orElseThrow();
        assertThat(caseResponse.due()).isNull();
        assertThat(caseResponse.policy()).isEqualTo(new SlaPolicy("case-response", 3, Duration.ofHours(4),
                new SlaCalendar("service-desk", "Europe/Berlin", WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0),
                        HOLIDAYS),
                List.of(new SlaWarning(50, null), new SlaWarning(75, null),
                        new SlaWarning(null, Duration.ofMinutes(30))),
                List.of(new SlaTier(1, Duration.ofMinutes(30), List.of("assignees"), null, 0),
                        new SlaTier(2, Duration.ofHours(1), List.of("managers"), null, 0),
                        new SlaTier(3, Duration.ofHours(2), List.of("alternates", "group:ops"), Duration.ofHours(1),
                                2)),
                List.of(Channel.EMAIL, Channel.INAPP), "sla-escalation"));
        assertThat(caseResponse.clock().pause()).containsExactly("crm.case.waiting-on-customer");
        assertThat(caseResponse.clock().resume()).containsExactly("crm.case.customer.replied");
        assertThat(caseResponse.clock().stop()).containsExactly("crm.case.resolved");
    }

    @Test
    void samplePurchaseOrderPolicyTakesTheDefaultChannelAndTemplate() {
        SlaPolicy approval = SlaPolicies.load(SlaPolicies.SAMPLE, SAMPLE_DIRECTORY)
                .policy("purchase-order-approval").orElseThrow().policy();

        assertThat(approval.target()).as("two working days of finance hours").isEqualTo(Duration.ofHours(16));
        assertThat(approval.calendar().name()).isEqualTo("finance");
        assertThat(approval.calendar().opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(approval.warnings()).containsExactly(new SlaWarning(75, null));
        assertThat(approval.tiers()).extracting(SlaTier::level, SlaTier::after, SlaTier::to).containsExactly(
                tuple(1, Duration.ofHours(4), List.of("managers")),
                tuple(2, Duration.ofHours(8), List.of("team:finance")));
        assertThat(approval.channels()).containsExactly(Channel.EMAIL);
        assertThat(approval.template()).isEqualTo("sla-escalation");
    }

    @Test
    void sampleCallbackPromiseTakesItsDeadlineFromTheEvent() {
        SlaPolicyConfig callback = SlaPolicies.load(SlaPolicies.SAMPLE, SAMPLE_DIRECTORY)
                .policy("callback-promise").orElseThrow();

        assertThat(callback.policy().target()).isNull();
        assertThat(callback.policy().calendar()).as("round the clock").isNull();
        assertThat(callback.due()).isNotNull();
        assertThat(callback.clock().stop()).containsExactly("crm.case.resolved");
    }

    @Test
    void policyWithoutCalendarRunsRoundTheClockAndMayTakeItsDeadlineFromTheEvent() throws IOException {
        Path file = write("sla.yaml", """
                policies:
                  incident:
                    version: 1
                    due: data.respondBy
                    warnings: [{percent: 50}, {before: 1h}, {before: 15m}]
                    tiers: [{after: 0m, to: ["group:ops"]}]
                """);

        SlaPolicyConfig incident = SlaPolicies.load(file.toString(), DIRECTORY).policy("incident").orElseThrow();

        assertThat(incident.policy().target()).isNull();
        assertThat(incident.policy().calendar()).isNull();
        assertThat(incident.due()).hasToString("data.respondBy");
        assertThat(incident.clock()).isNull();
    }

    @Test
    void durationsAcceptShortFormsCombinationsAndIso() throws IOException {
        Path file = write("sla.yaml", """
                policies:
                  p:
                    version: 1
                    target: 1d2h30m
                    warnings: [{before: PT2H}, {before: 90s}]
                    tiers: [{after: 0m, to: [assignees]}, {after: 45m, to: [managers]}, {after: P1D, to: [alternates]}]
                """);

        SlaPolicy policy = SlaPolicies.load(file.toString(), DIRECTORY).policy("p").orElseThrow().policy();

        assertThat(policy.target()).isEqualTo(Duration.ofHours(26).plusMinutes(30));
        assertThat(policy.warnings()).extracting(SlaWarning::before)
                .containsExactly(Duration.ofHours(2), Duration.ofSeconds(90));
        assertThat(policy.tiers()).extracting(SlaTier::after)
                .containsExactly(Duration.ZERO, Duration.ofMinutes(45), Duration.ofDays(1));
    }

    @Test
    void badDurationsAreRefusedWithTheirLine() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4 hours
                tiers:
                  - {after: 0m, to: [assignees], repeat: {every: 0m, times: 0}}
                  - {after: -PT1H, to: [managers]}
                """))).containsExactly(
                "line 6: policy 'p': 'target': '4 hours' is not a duration (use e.g. 90s, 30m, 4h, 2d, 1h30m or"
                        + " ISO-8601 PT4H)",
                "line 8: policy 'p': tier 1: repeat: 'every' must be more than zero, not '0m'",
                "line 8: policy 'p': tier 1: repeat: 'times' must be a whole number from 1, not '0'",
                "line 9: policy 'p': tier 2: 'after' must be zero or more, not '-PT1H'");
    }

    @Test
    void zeroTargetIsRefused() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 0m
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly("line 6: policy 'p': 'target' must be more than zero, not '0m'");
    }

    @Test
    void warningsOutOfRangeOrOutOfOrderAreRefused() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                warnings:
                  - percent: 0
                  - percent: 100
                  - percent: 80
                  - before: 1h
                  - before: 4h
                  - {percent: 10, before: 1h}
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly(
                "line 8: policy 'p': warning: 'percent' must be a whole number from 1 to 99, not '0'",
                "line 9: policy 'p': warning: 'percent' must be a whole number from 1 to 99, not '100'",
                "line 11: policy 'p': warning falls due after 3h, not later than the warning before it (3h12m); list"
                        + " warnings in the order they fall due",
                "line 12: policy 'p': warning: 'before' (4h) must be less than the target (4h)",
                "line 13: policy 'p': warning: give exactly one of 'percent' or 'before'");
    }

    @Test
    void tierRecipientsMustBeKnownAndInTheDirectory() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                tiers:
                  - after: 0m
                    to: [assignees, "user:zed", "team:nope", "group:nobody", bosses, "user:", assignees]
                  - {after: 1h, to: []}
                """))).containsExactly(
                "line 9: policy 'p': tier 1: user 'zed' is not in the directory",
                "line 9: policy 'p': tier 1: team 'nope' is not in the directory",
                "line 9: policy 'p': tier 1: group 'nobody' is not in the directory",
                "line 9: policy 'p': tier 1: unknown recipient 'bosses' (use assignees, managers, alternates,"
                        + " user:<id>, team:<id> or group:<id>)",
                "line 9: policy 'p': tier 1: unknown recipient 'user:' (use assignees, managers, alternates,"
                        + " user:<id>, team:<id> or group:<id>)",
                "line 9: policy 'p': tier 1: 'assignees' is listed twice",
                "line 10: policy 'p': tier 2: 'to' must not be empty");
    }

    @Test
    void tiersMustStartLaterAndLaterAndThereMustBeOne() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                tiers:
                  - {after: 1h, to: [assignees]}
                  - {after: 1h, to: [managers]}
                  - {after: 30m, to: [alternates]}
                """))).containsExactly(
                "line 9: policy 'p': tier 2: 'after' (1h) must be later than the tier before it (1h)",
                "line 10: policy 'p': tier 3: 'after' (30m) must be later than the tier before it (1h)");
        assertThat(problems(policy("""
                version: 1
                target: 4h
                tiers: []
                """))).containsExactly("line 7: policy 'p': 'tiers' must not be empty");
    }

    @Test
    void targetAndDueAreAlternatives() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                due: data.respondBy
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly("line 7: policy 'p': give either 'target' or 'due', not both");
        assertThat(problems(policy("""
                version: 1
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly("line 5: policy 'p': missing 'target' (SLA time) or 'due' (an event path"
                + " holding the deadline)");
        assertThat(problems(policy("""
                version: 1
                due: data..respondBy
                tiers: [{after: 0m, to: [assignees]}]
                """))).singleElement().asString()
                .startsWith("line 6: policy 'p': 'data..respondBy' is not an event path");
    }

    @Test
    void versionIsRequiredAndPositive() throws IOException {
        assertThat(problems(policy("""
                target: 4h
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly("line 5: policy 'p': missing required 'version'");
        assertThat(problems(policy("""
                version: two
                target: 4h
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly("line 5: policy 'p': 'version' must be a whole number from 1, not 'two'");
    }

    @Test
    void unknownCalendarIsRefused() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                calendar: ofice
                tiers: [{after: 0m, to: [assignees]}]
                """))).containsExactly("line 7: policy 'p': unknown calendar 'ofice' (defined: office)");
    }

    @Test
    void calendarsNeedAValidZoneHoursInOrderAndAWorkingDay() throws IOException {
        assertThat(problems("""
                calendars:
                  nowhere:
                    timeZone: Europe/Atlantis
                    workingDays: []
                    hours: {opens: "18:00", closes: "08:00"}
                    holidays: [2026-12-24, 24.12.2026]
                  weekdays:
                    timeZone: Europe/Berlin
                    workingDays: [MON, Tuesday, MON]
                    hours: {opens: "8am"}
                policies:
                  p:
                    version: 1
                    target: 4h
                    calendar: nowhere
                    tiers: [{after: 0m, to: [assignees]}]
                """)).containsExactly(
                "line 3: calendar 'nowhere': unknown time zone 'Europe/Atlantis' (use an IANA zone such as"
                        + " Europe/Berlin)",
                "line 4: calendar 'nowhere': 'workingDays' must name at least one day",
                "line 5: calendar 'nowhere': hours: 'closes' (08:00) must be after 'opens' (18:00) on the same day",
                "line 6: calendar 'nowhere': holiday '24.12.2026' must be a date such as 2026-12-24",
                "line 9: calendar 'weekdays': unknown day 'Tuesday' (allowed: MON, TUE, WED, THU, FRI, SAT, SUN)",
                "line 9: calendar 'weekdays': day 'MON' is listed twice",
                "line 10: calendar 'weekdays': hours: missing required 'closes'",
                "line 10: calendar 'weekdays': hours: 'opens' must be a time of day such as 08:00, not '8am'");
    }

    @Test
    void channelsMustBeKnown() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                tiers: [{after: 0m, to: [assignees]}]
                channels: [email, fax, EMAIL]
                """))).containsExactly(
                "line 8: policy 'p': unknown channel 'fax' (allowed: email, sms, inapp)",
                "line 8: policy 'p': unknown channel 'EMAIL' (allowed: email, sms, inapp)");
    }

    @Test
    void clockEventTypeMayAppearInOnlyOneList() throws IOException {
        assertThat(problems(policy("""
                version: 1
                target: 4h
                tiers: [{after: 0m, to: [assignees]}]
                clock:
                  entity: {system: data.system, type: data.entityType, id: data.entityId}
                  pause: [crm.case.waiting]
                  resume: [crm.case.replied]
                  stop: [crm.case.resolved, crm.case.waiting]
                """))).containsExactly("line 12: policy 'p': clock: event type 'crm.case.waiting' is already listed"
                + " under 'pause'");
        assertThat(problems(policy("""
                version: 1
                target: 4h
                tiers: [{after: 0m, to: [assignees]}]
                clock: {pause: []}
                """))).containsExactly(
                "line 8: policy 'p': clock: missing required 'entity' (system, type, id)",
                "line 8: policy 'p': clock: name event types under at least one of 'pause', 'resume' or 'stop'");
    }

    @Test
    void unknownKeysAreRefusedLikeInTheRulesFile() throws IOException {
        assertThat(problems("""
                calendar: {}
                policies:
                  p:
                    version: 1
                    target: 4h
                    escalate: true
                    tiers: [{after: 0m, to: [assignees], every: 5m}]
                """)).containsExactly(
                "line 1: SLA file: unknown key 'calendar' (allowed: calendars, policies)",
                "line 6: policy 'p': unknown key 'escalate' (allowed: calendar, channels, clock, due, target,"
                        + " template, tiers, version, warnings)",
                "line 7: policy 'p': tier 1: unknown key 'every' (allowed: after, repeat, to)");
    }

    @Test
    void ruleNamingAnUnknownPolicyIsRefusedWithItsLine() throws IOException {
        Path rules = write("rules.yaml", """
                rules:
                  - name: po
                    match: {type: erp.po}
                    recipients: [{user: alice}]
                    template: approval-request
                    channels: [email]
                    task:
                      actions: [approve]
                      entity: {system: data.system, type: data.entityType, id: data.entityId}
                      sla: po-aproval
                """);
        SlaPolicies policies = SlaPolicies.load(write("sla.yaml", """
                policies:
                  po-approval: {version: 1, target: 2d, tiers: [{after: 0m, to: [assignees]}]}
                """).toString(), DIRECTORY);

        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> RuleSet.load(rules.toString(), DIRECTORY, policies));

        assertThat(lines(problem)).containsExactly("line 10: rule 'po': task: unknown SLA policy 'po-aproval'"
                + " (defined in " + dir.resolve("sla.yaml") + ": po-approval)");
        assertThat(catchThrowableOfType(ConfigurationProblem.class, () -> RuleSet.load(rules.toString(), DIRECTORY)))
                .hasMessageContaining("line 10").hasMessageContaining("no SLA policies are loaded");
    }

    @Test
    void missingPoliciesSectionIsRefused() throws IOException {
        assertThat(problems("""
                calendars: {}
                """)).containsExactly("line 1: SLA file: missing required 'policies'");
    }
}
