package coop.roseash.account.sessions;

import java.util.List;

/** One of the member's sign-on sessions as the dashboard shows it (times already written for people). */
public record SessionView(long id, String device, String started, String startedIso, String lastSeen,
                          String lastSeenIso, List<String> services, boolean current) {
}
