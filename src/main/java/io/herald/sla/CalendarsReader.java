package io.herald.sla;

import io.herald.config.MappingReader;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.domain.SlaCalendar;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the calendars of an SLA policy file and resolves the calendar a policy names. Calendars come first in
 * the file and policies only refer to them by name, so this reader keeps what it has read.
 */
final class CalendarsReader {

    private static final Set<String> CALENDAR = Set.of("timeZone", "workingDays", "hours", "holidays");
    private static final Set<String> HOURS = Set.of("opens", "closes");
    private static final Map<String, DayOfWeek> DAYS = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toUnmodifiableMap(day -> day.name().substring(0, 3), day -> day));
    private static final String DAY_NAMES = "MON, TUE, WED, THU, FRI, SAT, SUN";

    private final ProblemCollector problems;
    /** Every calendar the file declares, also those with problems, so a policy naming one is not reported too. */
    private final Set<String> declared = new HashSet<>();
    private final Map<String, SlaCalendar> calendars = new HashMap<>();

    CalendarsReader(ProblemCollector problems) {
        this.problems = problems;
    }

    /** Reads one calendar; it can be named by policies once read, if it has no problems. */
    void read(String name, YamlNode node) {
        declared.add(name);
        int problemsBefore = problems.count();
        MappingReader fields = MappingReader.of(node, "calendar '" + name + "'", problems, CALENDAR);
        String zone = zone(fields);
        List<DayOfWeek> workingDays = workingDays(fields);
        LocalTime[] hours = hours(fields);
        List<LocalDate> holidays = holidays(fields);
        if (problems.count() == problemsBefore) {
            calendars.put(name, new SlaCalendar(name, zone, workingDays, hours[0], hours[1], holidays));
        }
    }

    /** @return the calendar the policy names, or null if it names none, or an unknown one (reported) */
    SlaCalendar named(MappingReader policy) {
        String name = policy.text("calendar");
        if (name == null) {
            return null;
        }
        if (!declared.contains(name)) {
            problems.add(policy.position("calendar"), policy.owner() + ": unknown calendar '" + name + "'"
                    + (declared.isEmpty() ? " (the file defines no calendars)"
                            : " (defined: " + String.join(", ", declared.stream().sorted().toList()) + ")"));
        }
        return calendars.get(name);
    }

    private String zone(MappingReader fields) {
        String zone = fields.requiredText("timeZone");
        if (zone == null) {
            return null;
        }
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            problems.add(fields.position("timeZone"), fields.owner() + ": unknown time zone '" + zone
                    + "' (use an IANA zone such as Europe/Berlin)");
            return null;
        }
    }

    private List<DayOfWeek> workingDays(MappingReader fields) {
        List<DayOfWeek> days = new ArrayList<>();
        for (MappingReader.Located text : fields.texts("workingDays", true)) {
            DayOfWeek day = DAYS.get(text.text());
            if (day == null) {
                problems.add(text.position(), fields.owner() + ": unknown day '" + text.text() + "' (allowed: "
                        + DAY_NAMES + ")");
            } else if (days.contains(day)) {
                problems.add(text.position(), fields.owner() + ": day '" + text.text() + "' is listed twice");
            } else {
                days.add(day);
            }
        }
        // Without a working day no SLA time ever passes: deadlines could never be computed.
        if (fields.node("workingDays") instanceof YamlNode.Sequence sequence && sequence.items().isEmpty()) {
            problems.add(fields.position("workingDays"), fields.owner() + ": 'workingDays' must name at least one"
                    + " day");
        }
        return days;
    }

    /** @return opens and closes; either may be null after a report */
    private LocalTime[] hours(MappingReader calendar) {
        if (!calendar.has("hours")) {
            problems.add(calendar.position(), calendar.owner() + ": missing required 'hours' (opens, closes)");
            return new LocalTime[2];
        }
        MappingReader fields = MappingReader.of(calendar.node("hours"), calendar.owner() + ": hours", problems, HOURS);
        LocalTime opens = time(fields, "opens");
        LocalTime closes = time(fields, "closes");
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            problems.add(fields.position("closes"), fields.owner() + ": 'closes' (" + closes
                    + ") must be after 'opens' (" + opens + ") on the same day");
        }
        return new LocalTime[] {opens, closes};
    }

    private LocalTime time(MappingReader fields, String key) {
        String text = fields.requiredText(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(fields.position(key), fields.owner() + ": '" + key + "' must be a time of day such as"
                    + " 08:00, not '" + text + "'");
            return null;
        }
    }

    private List<LocalDate> holidays(MappingReader fields) {
        List<LocalDate> holidays = new ArrayList<>();
        for (MappingReader.Located text : fields.texts("holidays", false)) {
            try {
                LocalDate day = LocalDate.parse(text.text());
                if (holidays.contains(day)) {
                    problems.add(text.position(), fields.owner() + ": holiday " + day + " is listed twice");
                } else {
                    holidays.add(day);
                }
            } catch (DateTimeParseException e) {
                problems.add(text.position(), fields.owner() + ": holiday '" + text.text()
                        + "' must be a date such as 2026-12-24");
            }
        }
        return holidays;
    }
}
