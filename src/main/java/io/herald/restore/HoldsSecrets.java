package io.herald.restore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an application-scoped bean that keeps a secret (or a key derived from one) from the configuration it was
 * made with. After a SnapStart restore its instance is thrown away, and the next call makes a new one from the
 * secrets as they are then: such a bean takes its configuration mappings from {@link SecretSettings}, and reads
 * {@code @ConfigProperty} values, which are looked up afresh, when it is made.
 *
 * <p>Only normal-scoped beans (reached through a client proxy) can be rebuilt this way.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HoldsSecrets {
}
