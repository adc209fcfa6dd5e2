package coop.roseash.cart.support;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sink mail read back with an independent MIME parser (Apache James mime4j): its text part, its HTML part, and its
 * inline images by Content-ID (without the angle brackets), each with the multipart type that holds it.
 */
public record MailParts(String text, String html, Map<String, byte[]> inlineImages, Map<String, String> containers) {

    public static MailParts parse(String eml) {
        try {
            Message message = new DefaultMessageBuilder().parseMessage(
                    new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
            Collector c = new Collector();
            c.walk(message, null);
            return new MailParts(c.text, c.html, c.images, c.containers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Collector {
        String text;
        String html;
        final Map<String, byte[]> images = new LinkedHashMap<>();
        final Map<String, String> containers = new LinkedHashMap<>();

        void walk(Entity entity, String container) throws IOException {
            Body body = entity.getBody();
            if (body instanceof Multipart multipart) {
                for (Entity part : multipart.getBodyParts()) {
                    walk(part, entity.getMimeType());
                }
            } else if (body instanceof TextBody textBody && entity.getMimeType().equals("text/plain")) {
                text = read(textBody.getInputStream());
            } else if (body instanceof TextBody textBody && entity.getMimeType().equals("text/html")) {
                html = read(textBody.getInputStream());
                containers.put("text/html", container);
            } else if (body instanceof SingleBody single && entity.getMimeType().startsWith("image/")) {
                String id = entity.getHeader().getField("Content-ID").getBody().strip().replaceAll("^<|>$", "");
                try (InputStream in = single.getInputStream()) {
                    images.put(id, in.readAllBytes());
                }
                containers.put(id, container + " " + entity.getDispositionType());
            }
        }

        private static String read(InputStream in) throws IOException {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
