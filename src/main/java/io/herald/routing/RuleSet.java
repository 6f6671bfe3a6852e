package io.herald.routing;

import io.herald.config.ConfigFile;
import io.herald.directory.Directory;
import io.herald.sla.SlaPolicies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing rules of one file, in file order, indexed by event type: exact types through a map, prefixes
 * through a (short) list, so finding the candidate rules for an event never scans every rule.
 */
public final class RuleSet {

    /** The bundled sample rules, used when {@code herald.rules.file} is not set. */
    public static final String SAMPLE = "classpath:herald/rules.yaml";

    private final String file;
    private final List<Rule> rules;
    private final Map<String, List<Rule>> byType = new HashMap<>();
    private final List<Rule> byPrefix = new ArrayList<>();
    private final Map<String, List<Rule>> byWithdrawal = new HashMap<>();

    RuleSet(String file, List<Rule> rules) {
        this.file = file;
        this.rules = List.copyOf(rules);
        for (Rule rule : this.rules) {
            if (rule.match().type() != null) {
                byType.computeIfAbsent(rule.match().type(), t -> new ArrayList<>()).add(rule);
            } else {
                byPrefix.add(rule);
            }
            if (rule.announce() != null && rule.announce().withdrawnBy() != null) {
                byWithdrawal.computeIfAbsent(rule.announce().withdrawnBy(), t -> new ArrayList<>()).add(rule);
            }
        }
    }

    /**
     * Reads and checks a rules file; every user, team and group it names must be in {@code directory}, and every
     * SLA policy a task names must be in {@code policies}.
     *
     * @param file a filesystem path, or {@code classpath:} and a resource path
     * @throws io.herald.config.ConfigurationProblem listing every problem of the file
     */
    public static RuleSet load(String file, Directory directory, SlaPolicies policies) {
        return RulesReader.read(ConfigFile.read(file), directory, policies);
    }

    /**
     * Reads and checks a rules file that names no SLA policy; a task naming one is reported as a problem.
     *
     * @see #load(String, Directory, SlaPolicies)
     */
    public static RuleSet load(String file, Directory directory) {
        return load(file, directory, SlaPolicies.none());
    }

    /** The file the rules came from. */
    public String file() {
        return file;
    }

    /** The rule names in file order. */
    public List<String> names() {
        return rules.stream().map(Rule::name).toList();
    }

    /** Whether the named rule raises a task, so its messages carry action links. */
    public boolean raisesTask(String name) {
        return rules.stream().anyMatch(rule -> rule.name().equals(name) && rule.task() != null);
    }

    /**
     * The actions of the named rule's task whose answer must give a reason (a comment), such as {@code reject}; empty
     * when the rule is unknown, raises no task or asks no reason.
     */
    public List<String> reasonRequired(String name) {
        return rules.stream().filter(rule -> rule.name().equals(name) && rule.task() != null).findFirst()
                .map(rule -> rule.task().reasonRequired()).orElse(List.of());
    }

    /** The {@code announce} rules whose announcements events of {@code type} withdraw, in file order. */
    List<Rule> withdrawing(String type) {
        return type == null ? List.of() : byWithdrawal.getOrDefault(type, List.of());
    }

    /** The rules whose type or type prefix matches, in file order. */
    List<Rule> candidates(String type) {
        List<Rule> exact = type == null ? List.of() : byType.getOrDefault(type, List.of());
        List<Rule> prefixed = byPrefix.stream().filter(rule -> rule.match().matchesType(type)).toList();
        if (prefixed.isEmpty()) {
            return exact;
        }
        List<Rule> merged = new ArrayList<>(exact.size() + prefixed.size());
        int e = 0;
        int p = 0;
        while (e < exact.size() || p < prefixed.size()) {
            boolean takeExact = p == prefixed.size()
                    || (e < exact.size() && exact.get(e).order() < prefixed.get(p).order());
            merged.add(takeExact ? exact.get(e++) : prefixed.get(p++));
        }
        return merged;
    }
}
