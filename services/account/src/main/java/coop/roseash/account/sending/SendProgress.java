package coop.roseash.account.sending;

/**
 * How far the send of an issue has come, from its delivery rows: a row is counted as sent only once the
 * transaction that handed its email to SMTP has committed. State: draft, sending or sent.
 */
public record SendProgress(String state, long total, long sent, long skipped, long failed, long pending) {

    public static SendProgress of(String state, long total, long sent, long skipped, long failed) {
        return new SendProgress(state, total, sent, skipped, failed, total - sent - skipped - failed);
    }
}
