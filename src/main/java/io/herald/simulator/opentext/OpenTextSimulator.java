package io.herald.simulator.opentext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * The simulator as seen from Java: what it received and how it should misbehave. In-JVM tests inject this bean;
 * everything here is also reachable over HTTP under {@code /sim/opentext/_messages} and {@code _faults}.
 */
@ApplicationScoped
public class OpenTextSimulator {

    private final SubmissionRecorder recorder;
    private final FaultPlan faults;
    private final TokenIssuer tokens;

    @Inject
    OpenTextSimulator(SubmissionRecorder recorder, FaultPlan faults, TokenIssuer tokens) {
        this.recorder = recorder;
        this.faults = faults;
        this.tokens = tokens;
    }

    /**
     * The most recent accepted submissions (see {@link io.herald.simulator.RecentRecord}), oldest first. A repeated
     * submit id is recorded once.
     */
    public List<RecordedSubmission> submissions() {
        return recorder.all();
    }

    /** The accepted submissions with {@code address} among their destinations. */
    public List<RecordedSubmission> submissionsTo(String address) {
        return recorder.to(address);
    }

    /** Forgets recorded submissions (and with them, known submit ids and jobs) and clears all faults. */
    public void reset() {
        recorder.clear();
        faults.reset();
    }

    /** The misbehaviour plan, changeable at any time. */
    public FaultPlan faults() {
        return faults;
    }

    /** How many access tokens the token endpoint has issued since start. */
    public int tokensIssued() {
        return tokens.issuedCount();
    }

    /** Every token issued so far is refused from now on (401), as after a key rotation on OpenText's side. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** The {@code expires_in} of tokens issued from now on (default one hour). */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }
}
