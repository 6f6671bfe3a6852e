package io.herald.directory;

import java.util.List;

/** An audience for announcements and alerts (for example the operations on-call group). */
public record Group(String id, String name, List<String> members) {
}
