package coop.roseash.blog.admin;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Post/redirect/get: every admin form answers 303 to a local path of the blog. */
public final class Redirects {

    private Redirects() {
    }

    public static Response seeOther(String localPath) {
        if (!localPath.startsWith("/") || localPath.startsWith("//")) {
            throw new IllegalArgumentException("not a local path: " + localPath);
        }
        return Response.seeOther(URI.create(localPath)).build();
    }
}
