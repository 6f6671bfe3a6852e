package io.herald.callback;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages behind action links, in English; {@code messages/page_de.properties} has them in German.
 * Templates use them as {@code {page:name}}; the page's locale (the reader's) picks the language.
 */
@MessageBundle(value = "page", locale = "en")
public interface PageText {

    @Message("Your decision is needed")
    String decisionNeeded();

    @Message("{type} {id} in {system}")
    String record(String type, String id, String system);

    @Message("Open in {system}")
    String openRecord(String system);

    @Message("Amount")
    String amount();

    @Message("Supplier")
    String supplier();

    @Message("Requested by")
    String requester();

    @Message("Deadline")
    String deadline();

    @Message("overdue")
    String overdue();

    @Message("paused")
    String paused();

    @Message("Your answer")
    String yourAnswer();

    @Message("Comment (optional)")
    String commentOptional();

    @Message("Reason or comment")
    String reasonOrComment();

    @Message("A reason is required for: {labels}.")
    String reasonHint(String labels);

    @Message("Please give a reason for \u201c{label}\u201d. Nothing was recorded.")
    String reasonMissing(String label);

    /** @param other the words for an action without its own, such as {@code Escalate} */
    @Message("{#when action}{#is 'approve'}Approve{#is 'reject'}Reject{#is 'comment'}Send comment only"
            + "{#is 'acknowledge'}Acknowledge{#else}{other}{/when}")
    String action(String action, String other);

    @Message("{#when action}{#is 'approve'}approved{#is 'reject'}rejected{#is 'comment'}commented"
            + "{#is 'acknowledge'}acknowledged{#else}answered \u201c{other}\u201d{/when}")
    String done(String action, String other);

    @Message("Nothing is recorded until you press one of the buttons.")
    String nothingYet();

    @Message("This page is personal to you. Please do not forward its address.")
    String personal();

    @Message("Thank you")
    String thanks();

    @Message("You {done} on {when}.")
    String youAnswered(String done, String when);

    @Message("Your comment is recorded; the request stays open.")
    String commentRecorded();

    @Message("{system} is told; nothing more is needed from you.")
    String systemTold(String system);

    @Message("Your comment: {comment}")
    String yourComment(String comment);

    @Message("Already answered")
    String alreadyAnswered();

    @Message("Your answer was already recorded")
    String alreadyRecorded();

    @Message("{name} {done} on {when}.")
    String decidedBy(String name, String done, String when);

    @Message("Their comment: {comment}")
    String theirComment(String comment);

    @Message("Nothing more is needed from you. If the decision looks wrong, speak to {name}.")
    String decidedNext(String name);

    @Message("This link has expired")
    String expired();

    @Message("Links in messages work for a limited time. Open the request in its system, or ask for a new link.")
    String expiredNext();

    @Message("This request was withdrawn")
    String withdrawn();

    @Message("{system} closed it before it was answered; no answer is needed any more.")
    String withdrawnNext(String system);

    @Message("This link is for someone else")
    String notYours();

    @Message("The request was sent to someone else, or it has passed to another person. "
            + "Please use the link in your own message.")
    String notYoursNext();

    @Message("This link is not valid")
    String invalid();

    @Message("It may have been cut short or changed. Open it again from your message, or copy the whole address "
            + "into the browser.")
    String invalidNext();

    @Message("This request no longer exists")
    String unknown();

    @Message("It may have been removed. Nothing was recorded.")
    String unknownNext();

    @Message("This answer is not offered")
    String notOffered();

    @Message("Please choose one of the answers on the request's page.")
    String notOfferedNext();

    @Message("This link was already used")
    String linkUsed();
}
