package coop.roseash.federation.social;

import coop.roseash.shared.activitypub.ActorUrls;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.Outbox;
import coop.roseash.shared.activitypub.RemoteActors;
import coop.roseash.shared.activitypub.RemoteFetchRefused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's note: plain text (escaped, paragraphs kept) with {@code @name@host} mentions linked and notified, sent
 * as {@code Create(Note)} to their followers, to the people mentioned and, for a reply, to the author replied to.
 */
@ApplicationScoped
public class Compose {

    /** The longest note, in characters (Mastodon's default). */
    public static final int MAX_LENGTH = 500;

    private static final Pattern MENTION = Pattern.compile("@([a-zA-Z0-9_.-]+)@([a-zA-Z0-9.-]+(?::\\d+)?)");

    private final Outbox outbox;
    private final ActorUrls urls;
    private final RemoteActors remotes;
    private final EntityManager em;

    Compose(Outbox outbox, ActorUrls urls, RemoteActors remotes, EntityManager em) {
        this.outbox = outbox;
        this.urls = urls;
        this.remotes = remotes;
        this.em = em;
    }

    /** The problem with a note's text, in words a member understands; empty when it may be sent. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Write something first.");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Optional.of("A note has at most " + MAX_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** Sends the note; returns its id. Mentions that cannot be found stay plain text. */
    public String send(LocalActor me, String text, String inReplyTo) {
        String actor = urls.actor(me.service(), me.username());
        List<Map<String, Object>> tags = new ArrayList<>();
        Set<String> inboxes = new LinkedHashSet<>();
        List<String> cc = new ArrayList<>(List.of(actor + "/followers"));
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            Matcher m = MENTION.matcher(paragraph);
            StringBuilder p = new StringBuilder();
            int last = 0;
            while (m.find()) {
                p.append(Entities.escape(paragraph.substring(last, m.start())));
                Optional<RemoteActors.Remote> mentioned = lookup(m.group());
                if (mentioned.isPresent()) {
                    RemoteActors.Remote r = mentioned.get();
                    p.append("<span class=\"h-card\"><a href=\"").append(Entities.escape(r.uri()))
                            .append("\" class=\"u-url mention\">").append(Entities.escape(m.group())).append("</a></span>");
                    tags.add(Map.of("type", "Mention", "href", r.uri(), "name", m.group()));
                    cc.add(r.uri());
                    inboxes.add(r.deliveryInbox());
                } else {
                    p.append(Entities.escape(m.group()));
                }
                last = m.end();
            }
            p.append(Entities.escape(paragraph.substring(last)));
            html.append("<p>").append(p.toString().replace("\n", "<br>")).append("</p>");
        }
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            replyInbox(inReplyTo).ifPresent(inboxes::add);
        }
        String noteId = actor + "/notes/" + java.util.UUID.randomUUID();
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", noteId);
        note.put("type", "Note");
        note.put("attributedTo", actor);
        note.put("content", html.toString());
        note.put("published", Instant.now().toString());
        note.put("to", List.of(Outbox.PUBLIC));
        note.put("cc", cc);
        note.put("url", noteId);
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            note.put("inReplyTo", inReplyTo);
        }
        if (!tags.isEmpty()) {
            note.put("tag", tags);
        }
        Map<String, Object> create = outbox.activity(me, "Create", note);
        create.put("to", List.of(Outbox.PUBLIC));
        create.put("cc", cc);
        QuarkusTransaction.requiringNew().run(() -> outbox.send(me, create, true, inboxes));
        return noteId;
    }

    private Optional<RemoteActors.Remote> lookup(String handle) {
        try {
            return Optional.of(remotes.lookup(handle));
        } catch (RemoteFetchRefused e) {
            return Optional.empty();
        }
    }

    private Optional<String> replyInbox(String objectUri) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                            SELECT COALESCE(NULLIF(r.shared_inbox_url, ''), r.inbox_url)
                            FROM remote_posts p JOIN remote_actors r ON r.id = p.remote_actor_id WHERE p.object_uri = ?1""")
                    .setParameter(1, objectUri).getResultList();
            return rows.stream().findFirst().map(String::valueOf);
        });
    }
}
