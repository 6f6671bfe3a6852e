package io.herald.restore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an application-scoped bean that keeps HTTP clients, whose pooled connections a snapshot would carry over
 * as sockets that no longer exist. After a SnapStart restore its instance is thrown away, and the next call makes
 * a new one with clients of its own that connect afresh.
 *
 * <p>Only normal-scoped beans (reached through a client proxy) can be rebuilt this way.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HoldsConnections {
}
