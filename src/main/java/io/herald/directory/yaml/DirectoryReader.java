package io.herald.directory.yaml;

import io.herald.config.ConfigFile;
import io.herald.config.MappingReader;
import io.herald.config.Position;
import io.herald.config.ProblemCollector;
import io.herald.config.YamlNode;
import io.herald.config.YamlReader;
import io.herald.directory.Group;
import io.herald.directory.Team;
import io.herald.directory.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and checks a directory file. Every problem of the file is collected before failing, and
 * cross-references (managers, alternates, leads, members) are checked once all users are known.
 */
final class DirectoryReader {

    private static final Set<String> TOP = Set.of("users", "teams", "groups");
    private static final Set<String> USER = Set.of("name", "email", "phone", "locale", "timeZone", "manager",
            "alternate", "attributes");
    private static final Set<String> TEAM = Set.of("name", "lead", "members");
    private static final Set<String> GROUP = Set.of("name", "members");

    private final ProblemCollector problems;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Reference> references = new ArrayList<>();

    private DirectoryReader(ProblemCollector problems) {
        this.problems = problems;
    }

    /** The checked content of a directory file. */
    record Contents(Map<String, User> users, Map<String, Team> teams, Map<String, Group> groups) {
    }

    /** A user id written somewhere in the file, checked once all users are read. */
    private record Reference(String userId, Position position, String where) {
    }

    /** @throws io.herald.config.ConfigurationProblem listing every problem of the file */
    static Contents read(ConfigFile file) {
        ProblemCollector problems = new ProblemCollector(file.location());
        YamlNode root = YamlReader.read(file, problems);
        DirectoryReader reader = new DirectoryReader(problems);
        if (root != null) {
            reader.readRoot(root);
        }
        problems.throwIfAny();
        return new Contents(Map.copyOf(reader.users), Map.copyOf(reader.teams), Map.copyOf(reader.groups));
    }

    private void readRoot(YamlNode root) {
        MappingReader top = MappingReader.of(root, "directory", problems, TOP);
        top.mapping("users", true).forEach((id, entry) -> readUser(id, entry.value()));
        top.mapping("teams", false).forEach((id, entry) -> readTeam(id, entry.value()));
        top.mapping("groups", false).forEach((id, entry) -> readGroup(id, entry.value()));
        for (Reference reference : references) {
            if (!users.containsKey(reference.userId())) {
                problems.add(reference.position(), reference.where() + ": '" + reference.userId()
                        + "' is not a user of this directory");
            }
        }
    }

    private void readUser(String id, YamlNode node) {
        MappingReader fields = MappingReader.of(node, "user '" + id + "'", problems, USER);
        String name = fields.requiredText("name");
        String email = checked(fields, "email", fields.text("email"), ContactChecks::email);
        String phone = checked(fields, "phone", fields.text("phone"), ContactChecks::phone);
        String locale = checked(fields, "locale", fields.requiredText("locale"), ContactChecks::locale);
        String zone = checked(fields, "timeZone", fields.requiredText("timeZone"), ContactChecks::timeZone);
        String manager = relation(fields, id, "manager");
        String alternate = relation(fields, id, "alternate");
        users.put(id, new User(id, name, email, phone, locale, zone, manager, alternate, attributes(fields)));
    }

    /** Attribute names and values are plain text: announcements compare them as written. */
    private Map<String, String> attributes(MappingReader fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.mapping("attributes", false).forEach((name, entry) -> {
            if (entry.value() instanceof YamlNode.Scalar value && !value.isNull()) {
                attributes.put(name, value.text());
            } else {
                problems.add(entry.keyPosition(), fields.owner() + ": attribute '" + name + "' must be a plain value");
            }
        });
        return attributes;
    }

    private void readTeam(String id, YamlNode node) {
        MappingReader fields = MappingReader.of(node, "team '" + id + "'", problems, TEAM);
        String lead = fields.text("lead");
        if (lead != null) {
            references.add(new Reference(lead, fields.position("lead"), fields.owner() + ": lead"));
        }
        teams.put(id, new Team(id, fields.requiredText("name"), lead, members(fields)));
    }

    private void readGroup(String id, YamlNode node) {
        MappingReader fields = MappingReader.of(node, "group '" + id + "'", problems, GROUP);
        groups.put(id, new Group(id, fields.requiredText("name"), members(fields)));
    }

    private List<String> members(MappingReader fields) {
        List<MappingReader.Located> members = fields.texts("members", true);
        if (fields.has("members") && fields.node("members") instanceof YamlNode.Sequence && members.isEmpty()) {
            problems.add(fields.position("members"), fields.owner() + ": 'members' must name at least one user");
        }
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (MappingReader.Located member : members) {
            if (!seen.add(member.text())) {
                problems.add(member.position(), fields.owner() + ": member '" + member.text() + "' is listed twice");
                continue;
            }
            references.add(new Reference(member.text(), member.position(), fields.owner() + ": member"));
            ids.add(member.text());
        }
        return List.copyOf(ids);
    }

    private String relation(MappingReader fields, String userId, String key) {
        String other = fields.text(key);
        if (other == null) {
            return null;
        }
        if (other.equals(userId)) {
            problems.add(fields.position(key), fields.owner() + ": a user cannot be their own " + key);
            return null;
        }
        references.add(new Reference(other, fields.position(key), fields.owner() + ": " + key));
        return other;
    }

    /** Reports a failed check at the value's position; returns the value if it passed, else null. */
    private String checked(MappingReader fields, String key, String value, Function<String, Optional<String>> check) {
        if (value == null) {
            return null;
        }
        Optional<String> failure = check.apply(value);
        failure.ifPresent(reason -> problems.add(fields.position(key), fields.owner() + ": " + key + " " + reason));
        return failure.isPresent() ? null : value;
    }
}
