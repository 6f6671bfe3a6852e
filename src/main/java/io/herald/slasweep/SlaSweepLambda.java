package io.herald.slasweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/** The sla-sweep function on AWS Lambda, invoked by its EventBridge Scheduler schedule. */
@Named(SlaSweepFunction.NAME)
public class SlaSweepLambda implements RequestHandler<ScheduledEvent, SweepReport> {

    private static final Logger LOG = Logger.getLogger(SlaSweepLambda.class);

    private final SlaSweep sweep;

    public SlaSweepLambda(SlaSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public SweepReport handleRequest(ScheduledEvent event, Context context) {
        SweepReport report = sweep.sweep();
        LOG.infof("sla-sweep of %s at %s: %s", event.getResources(), event.getTime(), report);
        return report;
    }
}
