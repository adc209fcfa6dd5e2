package coop.roseash.shared.model;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.ApActivity;
import coop.roseash.shared.model.blog.Author;
import coop.roseash.shared.model.blog.PageConfig;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostStatus;
import coop.roseash.shared.model.blog.PostType;
import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.CalendarSlot;
import coop.roseash.shared.model.federation.OAuthClient;
import coop.roseash.shared.model.federation.RefreshToken;
import coop.roseash.shared.model.federation.User;
import coop.roseash.shared.model.market.Product;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations apply to a real PostgreSQL and Hibernate validates every entity against them (the
 * test profile runs with schema-management=validate, so this app would not start otherwise); the
 * special column types round-trip and the constraints hold.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SchemaTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("posts", "authors", "page_configs", "products", "calendars",
                    "refresh_tokens", "oauth_clients", "users", "ap_activities")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE true").executeUpdate();
            }
        });
    }

    @Test
    void everyMigrationApplied() {
        List<?> failed = em.createNativeQuery(
                "SELECT version FROM flyway_schema_history WHERE NOT success").getResultList();
        assertThat(failed).isEmpty();
        Number versions = (Number) em.createNativeQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE version IN ('1', '2')").getSingleResult();
        assertThat(versions.intValue()).isEqualTo(2);
    }

    @Test
    void everySequenceAllocatesByFiftyLikeHibernate() {
        List<?> others = em.createNativeQuery(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() AND increment_by <> 50")
                .getResultList();
        assertThat(others).isEmpty();
        Number sequences = (Number) em.createNativeQuery(
                "SELECT count(*) FROM pg_sequences WHERE schemaname = current_schema()").getSingleResult();
        assertThat(sequences.intValue()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void specialColumnTypesRoundTrip() {
        Instant published = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID family = UUID.randomUUID();
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Author author = new Author();
            author.name = "Ada";
            author.slug = "ada";
            author.persist();
            Post post = new Post();
            post.type = PostType.PAGE;
            post.status = PostStatus.PUBLISHED;
            post.slug = "our-shop";
            post.title = "Our shop";
            post.plaintext = "Organic vegetables every Saturday";
            post.publishedAt = published;
            post.author = author;
            post.persist();
            PageConfig config = new PageConfig();
            config.containerType = "page";
            config.containerId = post.id;
            config.sumupCredentialsEncrypted = new byte[] {0, 1, (byte) 0xff};
            config.marketEnabled = true;
            config.persist();
            Product product = new Product();
            product.slug = "oats";
            product.title = "Oats";
            product.priceCents = 250;
            product.labels = List.of("organic", "vegan");
            product.persist();
            Calendar calendar = new Calendar();
            calendar.containerType = "page";
            calendar.containerId = post.id;
            calendar.name = "Workshops";
            calendar.slug = "workshops";
            calendar.persist();
            CalendarSlot slot = new CalendarSlot();
            slot.calendar = calendar;
            slot.dayOfWeek = 6;
            slot.startTime = LocalTime.of(10, 0);
            slot.endTime = LocalTime.of(12, 30);
            slot.persist();
            User user = new User();
            user.email = "ada@example.org";
            user.persist();
            OAuthClient client = new OAuthClient();
            client.clientId = "blog";
            client.name = "Blog";
            client.redirectUris = List.of("http://blog.localhost:8001/auth/callback");
            client.persist();
            RefreshToken token = new RefreshToken();
            token.tokenHash = "hash";
            token.familyId = family;
            token.clientId = "blog";
            token.userId = user.id;
            token.scope = "openid";
            token.expiresAt = Instant.now().plus(1, ChronoUnit.DAYS);
            token.persist();
            ApActivity activity = new ApActivity();
            activity.type = "Create";
            activity.actor = "http://blog.localhost:8001";
            activity.object = "{\"type\": \"Article\", \"name\": \"Our shop\"}";
            activity.originService = "blog";
            activity.persist();
            return new long[] {post.id, config.id, product.id, slot.id, client.id, token.id, activity.id};
        });

        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findById(ids[0]);
            assertThat(post.type).isEqualTo(PostType.PAGE);
            assertThat(post.publishedAt).isEqualTo(published);
            assertThat(post.author.name).isEqualTo("Ada");
            assertThat(post.createdAt).isNotNull();
            assertThat(post.version).isZero();
            assertThat(((PageConfig) PageConfig.findById(ids[1])).sumupCredentialsEncrypted)
                    .containsExactly(0, 1, 0xff);
            assertThat(((Product) Product.findById(ids[2])).labels).containsExactly("organic", "vegan");
            assertThat(((CalendarSlot) CalendarSlot.findById(ids[3])).endTime).isEqualTo(LocalTime.of(12, 30));
            assertThat(((OAuthClient) OAuthClient.findById(ids[4])).redirectUris)
                    .containsExactly("http://blog.localhost:8001/auth/callback");
            assertThat(((RefreshToken) RefreshToken.findById(ids[5])).familyId).isEqualTo(family);
            assertThat(((ApActivity) ApActivity.findById(ids[6])).object).contains("\"Article\"");
            // the generated search column indexes the title and plaintext
            Number hits = (Number) em.createNativeQuery(
                    "SELECT count(*) FROM posts WHERE search_vector @@ websearch_to_tsquery('english', 'vegetables')")
                    .getSingleResult();
            assertThat(hits.intValue()).isEqualTo(1);
        });
    }

    @Test
    void constraintsRejectBadRows() {
        assertRejected("INSERT INTO posts (slug, title, status) VALUES ('a', 'A', 'live')");
        assertRejected("INSERT INTO posts (slug, title, status) VALUES ('b', 'B', 'published')"); // no date
        assertRejected("INSERT INTO posts (slug, title) VALUES ('Not A Slug', 'C')");
        assertRejected("INSERT INTO users (email) VALUES ('Ada@Example.org')");
        assertRejected("INSERT INTO cart_items (container_type, container_id, item_type, item_id) "
                + "VALUES ('page', 1, 'product', 1)"); // no identity
        assertRejected("INSERT INTO activity_deliveries (activity_id, service) VALUES (-1, 'blog')"); // FK
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO posts (slug, title) VALUES ('twice', 'Twice')").executeUpdate());
        assertRejected("INSERT INTO posts (slug, title) VALUES ('twice', 'Again')");
    }

    private void assertRejected(String sql) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(sql).executeUpdate();
        })).as(sql).isInstanceOf(PersistenceException.class);
    }
}
