package io.herald.wiring;

import java.util.Locale;

/** Host names and literal addresses that can only mean this machine (or any of its interfaces). */
final class LoopbackHosts {

    private LoopbackHosts() {
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
                || name.equals("0.0.0.0") || name.equals("::1") || name.equals("::")
                || name.equals("0:0:0:0:0:0:0:1");
    }
}
