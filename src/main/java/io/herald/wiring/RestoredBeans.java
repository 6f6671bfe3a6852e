package io.herald.wiring;

import io.herald.restore.HoldsConnections;
import io.herald.restore.HoldsSecrets;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.TreeSet;

/** Throws away the instances of the beans a restored process must not keep (see the marker annotations). */
final class RestoredBeans {

    private RestoredBeans() {
    }

    /**
     * Destroys the current instance of every application-scoped bean marked {@link HoldsSecrets} or
     * {@link HoldsConnections}; each is made anew, through its client proxy, on its next use.
     *
     * @return the classes of the beans rebuilt this way
     */
    static Set<String> discard() {
        BeanManager beans = Arc.container().beanManager();
        InjectableContext application = Arc.container().getActiveContext(ApplicationScoped.class);
        Set<String> discarded = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (bean.getScope() == ApplicationScoped.class && (type.isAnnotationPresent(HoldsSecrets.class)
                    || type.isAnnotationPresent(HoldsConnections.class))) {
                application.destroy(bean);
                discarded.add(type.getName());
            }
        }
        return discarded;
    }
}
