package coop.roseash.account.sending;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.issues.Issues;
import coop.roseash.account.support.Fixtures;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.account.Subscription;
import coop.roseash.shared.model.account.SubscriptionStatus;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NewsletterSendingTest {

    @Inject
    Fixtures fixtures;
    @Inject
    Issues issues;
    @Inject
    SendStarter starter;
    @Inject
    DeliveryWorker worker;
    @Inject
    Deliveries deliveries;
    @Inject
    MockMailbox mailbox;
    @Inject
    EntityManager em;

    @Test
    void everySubscriberGetsOneEmailWithBothPartsAndTheirOwnOneClickUnsubscribe() {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("reader");
        List<Long> subs = fixtures.subscribers(newsletter, prefix, 5);
        long issue = issues.create(newsletter, "Spring news", "<p>Hello <b>members</b></p><script>alert(1)</script>").id();

        assertThat(starter.start(issue)).isEqualTo(5);
        worker.drain();

        for (int i = 0; i < 5; i++) {
            List<Mail> got = mailbox.getMailsSentTo(prefix + "-" + i + "@example.org");
            assertThat(got).hasSize(1);
            Mail mail = got.get(0);
            assertThat(mail.getSubject()).isEqualTo("Spring news");
            assertThat(mail.getHtml()).contains("<b>members</b>").doesNotContain("<script");
            assertThat(mail.getText()).contains("Hello members");
            String link = mail.getHeaders().get("List-Unsubscribe").get(0);
            assertThat(link).startsWith("<http").contains("/unsubscribe/" + subs.get(i) + ".").endsWith(">");
            assertThat(mail.getHeaders().get("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            String url = link.substring(1, link.length() - 1);
            assertThat(mail.getHtml()).contains(url);
            assertThat(mail.getText()).contains(url);
        }
        SendProgress progress = deliveries.progress(issue);
        assertThat(progress).isEqualTo(new SendProgress("sent", 5, 5, 0, 0, 0));
    }

    @Test
    void aSendStartedTwiceSendsOnceAndTheSecondStartIsRefused() throws Exception {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("twice");
        fixtures.subscribers(newsletter, prefix, 3);
        long issue = issues.create(newsletter, "Once", "<p>Only once</p>").id();

        // two admins press the button at the same moment
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> starts = new ArrayList<>();
        Callable<Integer> press = () -> {
            go.await();
            try {
                return starter.start(issue);
            } catch (InvalidInput e) {
                assertThat(e.status()).isEqualTo(409);
                return -1;
            }
        };
        starts.add(pool.submit(press));
        starts.add(pool.submit(press));
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> f : starts) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder(3, -1);

        worker.drain();
        assertThatThrownBy(() -> starter.start(issue)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("sent already");
        worker.drain();
        for (int i = 0; i < 3; i++) {
            assertThat(mailbox.getMailsSentTo(prefix + "-" + i + "@example.org")).hasSize(1);
        }
        assertThat(deliveries.progress(issue).total()).isEqualTo(3);
    }

    @Test
    void aDeliveryHeldByACrashedTransactionIsSentOnceAfterItRollsBack() throws Exception {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("crash");
        List<Long> subs = fixtures.subscribers(newsletter, prefix, 3);
        long issue = issues.create(newsletter, "Crash", "<p>Resumed</p>").id();
        starter.start(issue);

        // another worker claims the first delivery and marks it sent, then its process dies before committing
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        Thread crashing = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Deliveries.Claimed c = deliveries.claimNext().orElseThrow();
                    deliveries.mark(c.content(), "sent");
                    claimed.countDown();
                    try {
                        die.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("killed");
                });
            } catch (IllegalStateException expected) {
                // rolled back, as a dead connection's transaction is
            }
        });
        crashing.start();
        claimed.await();

        // meanwhile this worker passes over the locked row and sends the others
        worker.drain();
        assertThat(deliveries.progress(issue)).isEqualTo(new SendProgress("sending", 3, 2, 0, 0, 1));
        assertThat(mailbox.getMailsSentTo(prefix + "-0@example.org")).isEmpty();

        die.countDown();
        crashing.join();
        worker.drain();
        for (int i = 0; i < 3; i++) {
            assertThat(mailbox.getMailsSentTo(prefix + "-" + i + "@example.org")).as("copies to %d", i).hasSize(1);
        }
        assertThat(deliveries.progress(issue)).isEqualTo(new SendProgress("sent", 3, 3, 0, 0, 0));
        assertThat(subs).hasSize(3);
    }

    @Test
    void someoneWhoUnsubscribesDuringTheSendIsSkipped() {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("leaver");
        List<Long> subs = fixtures.subscribers(newsletter, prefix, 2);
        long issue = issues.create(newsletter, "Bye", "<p>Text</p>").id();
        starter.start(issue);
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.findById(subs.get(1));
            s.status = SubscriptionStatus.UNSUBSCRIBED;
            s.unsubscribedAt = Instant.now();
        });

        worker.drain();

        assertThat(mailbox.getMailsSentTo(prefix + "-0@example.org")).hasSize(1);
        assertThat(mailbox.getMailsSentTo(prefix + "-1@example.org")).isEmpty();
        assertThat(deliveries.progress(issue)).isEqualTo(new SendProgress("sent", 2, 1, 1, 0, 0));
    }

    @Test
    void theTestCopyGoesToTheAdminOnlyAndLeavesTheIssueADraft() {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("quiet");
        fixtures.subscribers(newsletter, prefix, 1);
        long issue = issues.create(newsletter, "Draft", "<p>Check me</p>").id();
        String admin = Fixtures.unique("admin") + "@example.org";

        issues.testSend(issue, admin);

        assertThat(mailbox.getMailsSentTo(admin)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Test] Draft"));
        assertThat(mailbox.getMailsSentTo(prefix + "-0@example.org")).isEmpty();
        assertThat(deliveries.progress(issue).state()).isEqualTo("draft");
    }
}
