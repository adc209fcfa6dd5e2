package coop.roseash.account.sending;

import coop.roseash.shared.config.RoseAshConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands account's mail over: to SMTP with Quarkus Mailer (blocking until the server has accepted it, so the
 * caller's transaction commits only after), or, in a local run, into the development sink folder
 * ({@code MAIL_SINK_DIR}, else {@code roseash.mail.sink-dir}) as whole MIME {@code .eml} files, like federation's.
 */
@ApplicationScoped
public class Postman {
    private static final Logger LOG = Logger.getLogger(Postman.class);

    private final RoseAshConfig config;
    private final Mailer mailer;
    private final Optional<Path> sink;

    Postman(RoseAshConfig config, Mailer mailer, @ConfigProperty(name = "MAIL_SINK_DIR") Optional<String> sinkDirEnv) {
        this.config = config;
        this.mailer = mailer;
        this.sink = sinkDirEnv.or(() -> config.mail().sinkDir()).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Sends {@code mail} from the platform's address; returns once SMTP (or the sink) has it. */
    public void send(Mail mail) {
        mail.setFrom(config.mail().from());
        if (sink.isPresent()) {
            Path file = write(sink.get(), mail);
            LOG.debugf("mail to %s written to %s", mail.getTo(), file);
            return;
        }
        mailer.send(mail);
    }

    private static Path write(Path dir, Mail mail) {
        MailMessage message = new MailMessage().setFrom(mail.getFrom()).setTo(mail.getTo())
                .setSubject(mail.getSubject()).setText(mail.getText()).setHtml(mail.getHtml());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        mail.getHeaders().forEach(headers::add);
        message.setHeaders(headers);
        String eml = new MailEncoder(message, "roseash.local").encode();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".mail", ".tmp");
            Files.writeString(tmp, eml, StandardCharsets.UTF_8);
            Path target = dir.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mail into " + dir, e);
        }
    }
}
