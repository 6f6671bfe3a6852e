package io.herald.callback;

import io.herald.audit.AuditTrail;
import io.herald.domain.Decision;
import io.herald.domain.SlaClockState;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.links.ActionToken;
import io.herald.links.ActionTokens;
import io.herald.links.TokenRejected;
import io.herald.routing.RuleSet;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * Records a response given through an action link. The first decision wins: the task changes from OPEN to
 * ANSWERED with a conditional update, so of two racing approvers exactly one succeeds; the other, and anyone
 * later, is refused and the refusal is audited. A link works once; using it again for the same action (a double
 * click) answers with the first result, for another action it is refused. A {@code comment} is recorded without
 * deciding the task, while the task is open; once it is decided a comment is as late as any other answer.
 *
 * <p>Every step can be repeated: a crash after the decision and before its write-back is repaired when the same
 * response comes again, because the repeat finds its own decision on record and completes what follows it.
 */
@ApplicationScoped
public class ResponseRecorder {

    public static final String COMMENT = "comment";

    private final ActionTokens tokens;
    private final TaskStore tasks;
    private final RuleSet rules;
    private final ResponseFollowUp followUp;
    private final AuditTrail audit;
    private final Clock clock;

    public ResponseRecorder(ActionTokens tokens, TaskStore tasks, RuleSet rules, ResponseFollowUp followUp,
            AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.rules = rules;
        this.tokens = tokens;
        this.followUp = followUp;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws TokenRejected when the link is not genuine (401) or expired (410)
     * @throws ResponseRefused when the link is genuine but the response cannot be recorded
     */
    public Answer record(String rawToken, String action, String comment) {
        ActionToken token = tokens.verify(rawToken);
        Task task = openable(token, action);
        Optional<Decision> earlier = tasks.tokenUse(token.id());
        if (earlier.isPresent()) {
            return repeat(task, token, earlier.get(), action);
        }
        Decision decision = new Decision(action, token.recipient(), blankToNull(comment), clock.instant(), token.id());
        if (COMMENT.equals(action) && task.status() == TaskStatus.ANSWERED) {
            refuse(task, decision);
        }
        if (decision.comment() == null && task.status() == TaskStatus.OPEN
                && rules.reasonRequired(task.rule()).contains(action)) {
            throw new ResponseRefused(ResponseRefused.Kind.REASON_REQUIRED, "give a reason to " + action, task);
        }
        if (!COMMENT.equals(action)) {
            Decision onRecord = decide(task, decision);
            if (onRecord != decision) {
                tasks.recordTokenUse(token.id(), task.id(), onRecord);
                followUp.recorded(task, onRecord);
                return new Answer(tasks.findTask(task.id()).orElse(task), onRecord, true);
            }
        }
        tasks.recordTokenUse(token.id(), task.id(), decision);
        audit.record(task.eventKey(), COMMENT.equals(action) ? "commented" : "answered", token.recipient(),
                "task " + task.id() + ": " + action + (decision.comment() == null ? "" : " with a comment"));
        Task now = tasks.findTask(task.id()).orElse(task);
        followUp.recorded(now, decision);
        return new Answer(now, decision, false);
    }

    /**
     * The task the link is for, if the link may act on it with this action.
     *
     * @param action the answer, or null to open the task without choosing one
     */
    Task openable(ActionToken token, String action) {
        Task task = tasks.findTask(token.taskId()).orElseThrow(() -> new ResponseRefused(
                ResponseRefused.Kind.UNKNOWN_TASK, "this request no longer exists", null));
        if (action != null && !token.allows(action)) {
            throw new ResponseRefused(ResponseRefused.Kind.NOT_OFFERED, "this link does not allow '" + action + "'",
                    task);
        }
        if (!task.assignees().contains(token.recipient())) {
            throw new ResponseRefused(ResponseRefused.Kind.NOT_YOURS, "this request is not (or no longer) yours",
                    task);
        }
        if (task.status() == TaskStatus.OPEN && task.sla() != null
                && task.sla().state() == SlaClockState.STOPPED) {
            throw new ResponseRefused(ResponseRefused.Kind.WITHDRAWN, "this request was withdrawn", task);
        }
        return task;
    }

    /**
     * @return {@code decision} if it won; the earlier decision if the same person already gave the same answer
     *         (a double click, or a second link of theirs)
     * @throws ResponseRefused if someone decided first, or the same person answered otherwise
     */
    private Decision decide(Task task, Decision decision) {
        Task current = task;
        while (true) {
            if (current.status() == TaskStatus.ANSWERED) {
                Decision winner = current.decision();
                if (winner.actor().equals(decision.actor()) && winner.action().equals(decision.action())) {
                    return winner;
                }
                refuse(current, decision);
            }
            Optional<Task> won = tasks.updateTask(current.decided(decision, decision.at()));
            if (won.isPresent()) {
                return decision;
            }
            // Someone changed the task between our read and our write: read again and judge anew.
            current = tasks.findTask(task.id()).orElseThrow();
        }
    }

    private void refuse(Task task, Decision attempted) {
        Decision winner = task.decision();
        audit.record(task.eventKey(), "refused", attempted.actor(), "task " + task.id() + ": " + attempted.action()
                + " refused; already " + winner.action() + " by " + winner.actor());
        throw new ResponseRefused(ResponseRefused.Kind.DECIDED, "this request was already answered: "
                + winner.action() + " by " + winner.actor(), task);
    }

    private Answer repeat(Task task, ActionToken token, Decision earlier, String action) {
        if (!earlier.action().equals(action)) {
            audit.record(task.eventKey(), "refused", token.recipient(), "task " + task.id() + ": link used again for "
                    + action + " after " + earlier.action());
            throw new ResponseRefused(ResponseRefused.Kind.LINK_USED, "this link was already used to "
                    + earlier.action(), task);
        }
        followUp.recorded(task, earlier);
        return new Answer(task, earlier, true);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
