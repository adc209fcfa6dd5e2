package coop.roseash.shared.activitypub;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of our actors, WebFinger answers and NodeInfo, as maps Jackson writes. */
@ApplicationScoped
public class ActorDocuments {

    private final ActorUrls urls;

    ActorDocuments(ActorUrls urls) {
        this.urls = urls;
    }

    public Map<String, Object> actor(LocalActor a) {
        String id = urls.actor(a.service(), a.username());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", Outbox.CONTEXT);
        doc.put("id", id);
        doc.put("type", a.type());
        doc.put("preferredUsername", a.username());
        doc.put("name", a.serviceActor() || "federation".equals(a.service()) ? a.shownName() : a.shownName() + " on " + a.service());
        if (a.summary() != null) {
            doc.put("summary", a.summary());
        }
        doc.put("url", id);
        doc.put("inbox", id + "/inbox");
        doc.put("outbox", id + "/outbox");
        doc.put("followers", id + "/followers");
        doc.put("following", id + "/following");
        doc.put("endpoints", Map.of("sharedInbox", urls.sharedInbox(a.service())));
        doc.put("manuallyApprovesFollowers", false);
        doc.put("discoverable", true);
        if (a.createdAt() != null) {
            doc.put("published", a.createdAt().toString());
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("id", urls.keyId(a.service(), a.username()));
        key.put("owner", id);
        key.put("publicKeyPem", a.publicKeyPem());
        doc.put("publicKey", key);
        if (!a.serviceActor() && "federation".equals(a.service())) {
            List<String> views = new ArrayList<>();
            for (String service : ActorUrls.SERVICES) {
                if (!service.equals("federation")) {
                    views.add(urls.actor(service, a.username()));
                }
            }
            doc.put("alsoKnownAs", views);
        }
        return doc;
    }

    /** The JRD of a WebFinger answer. */
    public Map<String, Object> webfinger(LocalActor a) {
        String id = urls.actor(a.service(), a.username());
        Map<String, Object> jrd = new LinkedHashMap<>();
        jrd.put("subject", "acct:" + a.username() + "@" + urls.host(a.service()));
        jrd.put("aliases", List.of(id));
        jrd.put("links", List.of(
                Map.of("rel", "self", "type", RemoteFetcher.ACTIVITY_JSON, "href", id),
                Map.of("rel", "http://webfinger.net/rel/profile-page", "type", "text/html", "href", id)));
        return jrd;
    }

    /** A page of an OrderedCollection, or (page null) the collection with its first page's address. */
    public Map<String, Object> collection(String id, long total, Integer page, int pageSize, List<?> items) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("@context", "https://www.w3.org/ns/activitystreams");
        if (page == null) {
            c.put("id", id);
            c.put("type", "OrderedCollection");
            c.put("totalItems", total);
            c.put("first", id + "?page=1");
            if (total > 0) {
                c.put("last", id + "?page=" + Math.max(1, (total + pageSize - 1) / pageSize));
            }
            return c;
        }
        c.put("id", id + "?page=" + page);
        c.put("type", "OrderedCollectionPage");
        c.put("partOf", id);
        c.put("totalItems", total);
        if ((long) page * pageSize < total) {
            c.put("next", id + "?page=" + (page + 1));
        }
        if (page > 1) {
            c.put("prev", id + "?page=" + (page - 1));
        }
        c.put("orderedItems", items);
        return c;
    }
}
