package coop.roseash.events.checkin;

/** What the door sees after typing a code: admitted or not, why, and the status the page answers with. */
public record CheckInResult(boolean admitted, String message, int status, String holder) {
}
