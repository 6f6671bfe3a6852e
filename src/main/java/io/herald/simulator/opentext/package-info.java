/**
 * An in-process stand-in for OpenText Notifications and the AppWorks Gateway, speaking their wire format on
 * Herald's own HTTP port under {@code /sim/opentext}, for local mode and tests.
 *
 * <p>Idempotency assumption: OpenText documents {@code X-MRA-SubmitId} as the client's id for a request; the
 * simulator assumes a repeated id on the same channel is answered with the original {@code job_id} and not sent
 * again. The gateway has no such key, so every accepted push is recorded.
 */
package io.herald.simulator.opentext;
