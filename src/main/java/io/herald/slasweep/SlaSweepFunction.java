package io.herald.slasweep;

import io.herald.schedule.ScheduledFunction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The sla-sweep function as local mode runs it: on the interval its schedule in functions.yaml gives. */
@ApplicationScoped
public class SlaSweepFunction implements ScheduledFunction {

    public static final String NAME = "sla-sweep";

    private static final Logger LOG = Logger.getLogger(SlaSweepFunction.class);

    private final SlaSweep sweep;

    SlaSweepFunction(SlaSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() {
        // it runs every minute: a line per run would bury the local log
        LOG.debugf("sla-sweep: %s", sweep.sweep());
    }
}
