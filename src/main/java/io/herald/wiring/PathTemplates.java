package io.herald.wiring;

/**
 * Matches request paths against the path templates of {@code functions.yaml} as API Gateway does: literal parts as
 * they are, each {@code {name}} one whole, non-empty path segment; a trailing slash on the request is allowed.
 * Matching allocates nothing, as it runs for every request.
 */
final class PathTemplates {

    private PathTemplates() {
    }

    /**
     * @return the template, when each of its {@code {name}} parts is a whole segment
     * @throws IllegalStateException otherwise, naming the template
     */
    static String checked(String template) {
        int open = template.indexOf('{');
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0 || open == 0 || template.charAt(open - 1) != '/'
                    || (close + 1 < template.length() && template.charAt(close + 1) != '/')) {
                throw new IllegalStateException("path '" + template + "': a {name} must be a whole path segment");
            }
            open = template.indexOf('{', close);
        }
        return template;
    }

    /** @param template a template {@link #checked} accepts */
    static boolean matches(String template, String path) {
        int t = 0;
        int p = 0;
        while (t < template.length()) {
            char c = template.charAt(t);
            if (c == '{') {
                int segment = p;
                while (p < path.length() && path.charAt(p) != '/') {
                    p++;
                }
                if (p == segment) {
                    return false;
                }
                t = template.indexOf('}', t) + 1;
            } else if (p < path.length() && path.charAt(p) == c) {
                t++;
                p++;
            } else {
                return false;
            }
        }
        return p == path.length() || (p == path.length() - 1 && path.charAt(p) == '/');
    }
}
