package coop.roseash.federation.mail;

import coop.roseash.shared.config.RoseAshConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends federation's mail: into the development sink folder when one is configured
 * ({@code MAIL_SINK_DIR}, else {@code roseash.mail.sink-dir}, {@code .data/mail} in app-config.yaml),
 * otherwise over SMTP with Quarkus Mailer (production sets the sink folder empty).
 */
@ApplicationScoped
public class Mailbox {
    private static final Logger LOG = Logger.getLogger(Mailbox.class);

    private final RoseAshConfig config;
    private final Mailer mailer;
    private final Optional<MailSink> sink;

    Mailbox(RoseAshConfig config, Mailer mailer, @ConfigProperty(name = "MAIL_SINK_DIR") Optional<String> sinkDirEnv) {
        this.config = config;
        this.mailer = mailer;
        this.sink = sinkDirEnv.or(() -> config.mail().sinkDir()).filter(s -> !s.isBlank()).map(Path::of).map(MailSink::new);
    }

    public void send(OutgoingMail mail) {
        if (sink.isPresent()) {
            Path file = sink.get().write(config.mail().from(), mail);
            LOG.infof("mail to %s written to %s", mail.to(), file);
            return;
        }
        mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text()).setFrom(config.mail().from()));
    }
}
