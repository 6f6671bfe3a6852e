package io.herald.domain;

public enum NotificationKind {
    /** Caused by a routed business event. */
    EVENT,
    /** Herald's own integration-failure alert; a failing alert never raises another alert. */
    ALERT,
    /** An SLA warning, breach or escalation about a task; withdrawn instead of sent once the task needs none. */
    SLA
}
