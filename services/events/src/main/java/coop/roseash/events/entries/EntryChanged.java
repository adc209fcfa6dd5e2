package coop.roseash.events.entries;

/**
 * Fired in the transaction of an entry's change of state or visibility. {@code listed} is "public and confirmed":
 * what the calendar shows and ActivityPub announces.
 */
public record EntryChanged(long entryId, boolean wasListed, boolean listed) {
}
