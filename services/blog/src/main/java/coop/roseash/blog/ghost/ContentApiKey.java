package coop.roseash.blog.ghost;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A Ghost Content API key: published posts and pages, authors without emails; the key travels in the query. */
record ContentApiKey(String key) implements GhostAccess {

    @Override
    public String name() {
        return "Content API";
    }

    @Override
    public String description() {
        return "published content only, no author emails";
    }

    @Override
    public String configKey() {
        return "roseash.blog.ghost.content-key";
    }

    @Override
    public String apiPath() {
        return "/ghost/api/content/";
    }

    @Override
    public String authorsResource() {
        return "authors";
    }

    @Override
    public String query() {
        return "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        // the key is in the query
    }

    @Override
    public String toString() {
        return "ContentApiKey[hidden]";
    }
}
