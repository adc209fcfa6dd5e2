package coop.roseash.federation.login;

/** A member as the authorization server sees one: who they are and whether they administer the platform. */
public record Member(long id, String email, String displayName, boolean admin) {
    /** The name shown in menus: the display name, or the part of the email before the @. */
    public String shownName() {
        return displayName != null && !displayName.isBlank() ? displayName : email.substring(0, email.indexOf('@'));
    }
}
