package io.herald.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;

/** What the running application's bean container holds. */
public final class Beans {

    private Beans() {
    }

    /**
     * Whether the bean of {@code type} has been instantiated. Looking does not instantiate it, unlike asking the
     * container for an instance.
     */
    public static boolean created(Class<?> type) {
        BeanManager beans = Arc.container().beanManager();
        Set<Bean<?>> candidates = beans.getBeans(type);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no bean of type " + type.getName());
        }
        Bean<?> bean = beans.resolve(candidates);
        InjectableContext context = Arc.container().getActiveContext(bean.getScope());
        return context.get((Contextual<?>) bean) != null;
    }
}
