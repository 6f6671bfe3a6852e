package io.herald.grouping;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the events this process counts into the same group take turns, so that a flood into one group is
 * counted one event after the other instead of racing for the group row's version: a race lost a hundred times
 * would refuse the event. Processes still race each other, which the version condition settles.
 *
 * <p>Groups share a fixed number of locks by their id's hash: memory stays the same however many groups there
 * are, and two groups that share a lock only wait for each other's single write.
 */
final class GroupTurns {

    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    GroupTurns() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code counting} while no other caller of this instance runs one for the same group. */
    void inTurn(String groupId, Runnable counting) {
        ReentrantLock lock = stripes[Math.floorMod(groupId.hashCode(), STRIPES)];
        lock.lock();
        try {
            counting.run();
        } finally {
            lock.unlock();
        }
    }
}
