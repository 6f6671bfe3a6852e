package io.herald.directory.yaml;

import io.herald.config.ConfigFile;
import io.herald.directory.Directory;
import io.herald.directory.Group;
import io.herald.directory.Team;
import io.herald.directory.User;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The directory kept in a YAML file ({@code herald.directory.file}), read and checked once at start-up and held in
 * memory. A file with problems stops start-up with a {@link io.herald.config.ConfigurationProblem} naming each
 * problem's line.
 *
 * <p>Format:
 *
 * <pre>
 * users:
 *   bob: {name: Bob Becker, email: bob@example.com, phone: "+4915110000002", locale: de, timeZone: Europe/Berlin,
 *         manager: alice, alternate: carol,
 *         attributes: {region: emea, department: finance}}   # name, locale and timeZone required; the rest optional
 * teams:
 *   finance: {name: Finance, lead: bob, members: [bob, alice]}
 * groups:
 *   ops: {name: Operations on call, members: [frank, grace]}
 * </pre>
 */
@ApplicationScoped
@DefaultBean
@Startup
public class YamlDirectory implements Directory {

    /** The bundled sample directory, used when {@code herald.directory.file} is not set. */
    public static final String SAMPLE = "classpath:herald/directory.yaml";

    private static final Logger LOG = Logger.getLogger(YamlDirectory.class);

    private final Map<String, User> users;
    private final List<User> inIdOrder;
    private final Map<String, Team> teams;
    private final Map<String, Group> groups;

    /**
     * @param file a filesystem path, or {@code classpath:} and a resource path
     * @throws io.herald.config.ConfigurationProblem if the file is missing or has problems
     */
    @Inject
    public YamlDirectory(@ConfigProperty(name = "herald.directory.file", defaultValue = SAMPLE) String file) {
        this(DirectoryReader.read(ConfigFile.read(file)));
        LOG.infof("Loaded directory from %s: %d users, %d teams, %d groups", file, users.size(), teams.size(),
                groups.size());
    }

    private YamlDirectory(DirectoryReader.Contents contents) {
        this.users = contents.users();
        this.inIdOrder = contents.users().values().stream().sorted(Comparator.comparing(User::id)).toList();
        this.teams = contents.teams();
        this.groups = contents.groups();
    }

    /**
     * Reads a directory outside CDI (tests, tools).
     *
     * @param file a filesystem path, or {@code classpath:} and a resource path
     * @throws io.herald.config.ConfigurationProblem if the file is missing or has problems
     */
    public static YamlDirectory load(String file) {
        return new YamlDirectory(file);
    }

    @Override
    public Optional<User> user(String id) {
        return Optional.ofNullable(id == null ? null : users.get(id));
    }

    @Override
    public Optional<Team> team(String id) {
        return Optional.ofNullable(id == null ? null : teams.get(id));
    }

    @Override
    public Optional<Group> group(String id) {
        return Optional.ofNullable(id == null ? null : groups.get(id));
    }

    @Override
    public List<User> users() {
        return inIdOrder;
    }
}
