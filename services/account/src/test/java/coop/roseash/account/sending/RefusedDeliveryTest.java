package coop.roseash.account.sending;

import coop.roseash.account.issues.Issues;
import coop.roseash.account.support.Fixtures;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.config.RoseAshConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTP refusing one address: that delivery is retried in later rounds, then given up; the others go out once. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RefusedDeliveryTest {

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

    /** Passes every email to the mock mailbox except those to one address, which the "server" refuses. */
    static final class RefusingPostman extends Postman {
        private final Postman real;
        private final String refused;
        final AtomicInteger refusals = new AtomicInteger();

        RefusingPostman(Postman real, String refused) {
            super(null, null, Optional.of(""));
            this.real = real;
            this.refused = refused;
        }

        @Override
        public void send(Mail mail) {
            if (mail.getTo().contains(refused)) {
                refusals.incrementAndGet();
                throw new IllegalStateException("550 mailbox unavailable");
            }
            real.send(mail);
        }
    }

    @Inject
    RoseAshConfig config;
    @Inject
    Mailer mailer;

    @Test
    void aRefusedAddressIsRetriedThenGivenUpWhileTheOthersGetOneCopy() {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("refused");
        fixtures.subscribers(newsletter, prefix, 3);
        long issue = issues.create(newsletter, "Refusals", "<p>Hello</p>").id();
        starter.start(issue);
        String refused = prefix + "-1@example.org";
        // the real thing underneath, built directly (the injected proxy would lead back to the mock)
        RefusingPostman refusing = new RefusingPostman(new Postman(config, mailer, Optional.of("")), refused);
        QuarkusMock.installMockForType(refusing, Postman.class);

        // each round stops at the refusal (SMTP may be down for everyone); the next round tries again
        worker.drain();
        assertThat(deliveries.progress(issue)).isEqualTo(new SendProgress("sending", 3, 1, 0, 0, 2));
        for (int round = 0; round < 6; round++) {
            worker.drain();
        }

        assertThat(refusing.refusals.get()).isEqualTo(5); // roseash.account.sending.max-attempts
        assertThat(deliveries.progress(issue)).isEqualTo(new SendProgress("sent", 3, 2, 0, 1, 0));
        assertThat(mailbox.getMailsSentTo(prefix + "-0@example.org")).hasSize(1);
        assertThat(mailbox.getMailsSentTo(prefix + "-2@example.org")).hasSize(1);
        assertThat(mailbox.getMailsSentTo(refused)).isEmpty();
    }
}
