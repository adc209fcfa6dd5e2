package coop.roseash.blog.post;

/**
 * A save based on an old version: someone else saved the item in between. Carries the version now
 * stored so the conflict page can offer to reload, while the editor keeps their own text.
 */
public class StaleEditException extends RuntimeException {

    private final long postId;
    private final int currentVersion;

    public StaleEditException(long postId, int expectedVersion, int currentVersion) {
        super("post " + postId + " was saved by someone else (you edited version " + expectedVersion
                + ", it is now at version " + currentVersion + ")");
        this.postId = postId;
        this.currentVersion = currentVersion;
    }

    public long postId() {
        return postId;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
