package io.herald.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes by reflection. The JVM finds them at run time; a native image keeps only what is
 * registered, so every JSON-bound type of Herald is listed here (REST client and Lambda event types are
 * registered by their extensions).
 */
@RegisterForReflection(targets = {
    io.herald.domain.StoredEvent.class,
    io.herald.domain.Notification.class,
    io.herald.domain.AuditEntry.class,
    io.herald.domain.Task.class,
    io.herald.domain.Decision.class,
    io.herald.domain.EntityRef.class,
    io.herald.domain.WriteBack.class,
    io.herald.callback.TaskQueries.TaskView.class,
    // a task's SLA clock with its pinned policy, kept as JSON in every store
    io.herald.domain.SlaClock.class,
    io.herald.domain.SlaPolicy.class,
    io.herald.domain.SlaCalendar.class,
    io.herald.domain.SlaWarning.class,
    io.herald.domain.SlaTier.class,
    io.herald.http.Problem.class,
    io.herald.intake.Acceptance.class,
    io.herald.intake.Acceptance.Routed.class,
    io.herald.intake.EventQueries.EventView.class,
    io.herald.announce.Announcements.Announced.class,
    io.herald.announce.AnnouncementQueries.AnnouncementView.class,
    io.herald.announce.AnnouncementQueries.PageView.class,
    io.herald.announce.AnnouncementQueries.MemberView.class,
    io.herald.announce.AnnouncementRecipients.RecipientList.class,
    io.herald.announce.AnnouncementRecipients.Recipient.class,
    // announcement page members, kept as JSON in every store
    io.herald.domain.PageMember.class,
    io.herald.work.DispatchMessage.class,
    io.herald.wiring.FunctionsManifest.class,
    io.herald.wiring.FunctionsManifest.FunctionSpec.class,
    io.herald.wiring.FunctionsManifest.HttpRoute.class,
    io.herald.wiring.FunctionsManifest.ApiSpec.class,
    io.herald.queue.QueueSpec.class,
    io.herald.wiring.FunctionsManifest.ScheduleSpec.class,
    io.herald.notifier.opentext.wire.EmailSubmission.class,
    io.herald.notifier.opentext.wire.EmailSubmission.Destination.class,
    io.herald.notifier.opentext.wire.EmailSubmission.BodyPart.class,
    io.herald.notifier.opentext.wire.EmailSubmission.Options.class,
    io.herald.notifier.opentext.wire.EmailSubmission.EmailOptions.class,
    io.herald.notifier.opentext.wire.SmsSubmission.class,
    io.herald.notifier.opentext.wire.SmsSubmission.Destination.class,
    io.herald.notifier.opentext.wire.SmsSubmission.Options.class,
    io.herald.notifier.opentext.wire.PushNotification.class,
    io.herald.notifier.opentext.wire.JobAccepted.class,
    io.herald.notifier.opentext.wire.JobStatus.class,
    io.herald.notifier.opentext.wire.JobStatus.Delivery.class,
    io.herald.notifier.opentext.wire.JobStatus.Attempt.class,
    io.herald.notifier.opentext.wire.TokenResponse.class,
    io.herald.writeback.WriteBackMessage.class,
    io.herald.writeback.WriteBackBody.class,
    io.herald.writeback.WriteBackBody.Correlation.class,
    // the sla-sweep Lambda's answer, and how its EventBridge Scheduler event is read
    io.herald.slasweep.SweepReport.class,
    io.herald.wiring.ScheduledEventJson.DetailAsObjectOrText.class,
    io.herald.wiring.ScheduledEventJson.DetailDeserializer.class,
    // the CloudEvents SDK finds its JSON format through ServiceLoader and instantiates it reflectively
    io.cloudevents.jackson.JsonFormat.class,
})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
