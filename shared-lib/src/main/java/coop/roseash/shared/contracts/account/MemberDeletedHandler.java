package coop.roseash.shared.contracts.account;

import coop.roseash.shared.bus.ActivityHandler;
import coop.roseash.shared.bus.ReceivedActivity;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A service's part of deleting an account: handles {@link MemberDeleted} by erasing, or anonymising, what that
 * service holds about the member. {@link #erase} runs in the bus's transaction and must be idempotent (the bus may
 * deliver twice, and retries after a rollback).
 */
public abstract class MemberDeletedHandler implements ActivityHandler {

    @Override
    public Set<String> handles() {
        return Set.of(MemberDeleted.TYPE);
    }

    @Override
    public void handle(ReceivedActivity activity) throws Exception {
        OptionalLong userId = MemberDeleted.userId(activity.objectJson());
        if (userId.isPresent()) {
            erase(userId.getAsLong());
        }
    }

    /**
     * Handles the deletion of member {@code userId} at once, in a transaction of its own, as the bus would deliver it
     * (tests, and an operator replaying a deletion).
     */
    public void deliverNow(long userId) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                handle(MemberDeleted.received(userId));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("erasing member " + userId + " failed", e);
            }
        });
    }

    /** Erases or anonymises what this service holds about member {@code userId}. */
    protected abstract void erase(long userId) throws Exception;
}
