package io.herald.directory;

import java.util.List;

/** A working unit that owns work: its members are notified, its lead takes approvals. */
public record Team(String id, String name, String lead, List<String> members) {
}
