package coop.roseash.cart.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.EventRows;
import coop.roseash.cart.support.MailParts;
import coop.roseash.cart.support.Mailbox;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order with tickets is confirmed by an email that shows each ticket's QR code as an inline image ({@code cid:},
 * no data: URI), with its code and a link to its page in both the HTML and the text part. The QR codes are decoded
 * from the mail's PNGs and must hold the issued tickets' codes, which the check-in page takes.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class TicketMailTest extends CartTestBase {

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    private record IssuedRow(long id, String code) {
    }

    @Test
    void thePaidOrdersEmailCarriesEachTicketsQrCodeCodeAndLink() throws Exception {
        long page = Catalogue.newPage();
        long member = newMember();
        long type = new EventRows(em).ticketType(page, "Folk night", "Door", 1200, 10, 12);
        carts.add(Identity.member(member), "ticket", type, 2);
        checkout(member, page).then().statusCode(303);
        OrderRow order = orders(member).get(0);
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("24.00"), "GBP");
        given().contentType("application/json")
                .body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\"" + order.checkoutId() + "\"}")
                .post("/sumup/webhook").then().statusCode(204);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);

        List<IssuedRow> issued = issued(order.id());
        assertThat(issued).hasSize(2);
        List<String> mails = Mailbox.confirmationsOf(order.id());
        assertThat(mails).hasSize(1);
        MailParts mail = MailParts.parse(mails.get(0));

        // one inline PNG per ticket, beside the HTML in a multipart/related, each shown by its cid: and decoding to
        // the ticket's code
        assertThat(mail.inlineImages()).hasSize(2);
        assertThat(mail.containers().get("text/html")).isEqualTo("multipart/related");
        Map<String, String> decoded = mail.inlineImages().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> decode(e.getValue())));
        assertThat(decoded.values()).containsExactlyInAnyOrderElementsOf(issued.stream().map(IssuedRow::code).toList());
        for (String contentId : decoded.keySet()) {
            assertThat(mail.containers().get(contentId)).isEqualTo("multipart/related inline");
            assertThat(mail.html()).contains("src=\"cid:" + contentId + "\"");
        }
        assertThat(mail.html()).doesNotContain("data:image");
        for (IssuedRow t : issued) {
            assertThat(mail.html()).contains(t.code(), "/tickets/" + t.id() + "\"", "alt=\"QR code of ticket " + t.code());
            // the text part stays useful without images: the code and the ticket's page
            assertThat(mail.text()).contains("Code: " + t.code(), "/tickets/" + t.id());
        }
        assertThat(mail.text()).contains("Folk night (Door)", "2 x Folk night — Door at £12.00: £24.00");
    }

    @Test
    void anOrderWithoutTicketsHasNoImagesAndNoTicketSection() {
        long page = Catalogue.newPage();
        long member = newMember();
        carts.add(Identity.member(member), "product", catalogue().product(page, "Tea", 450, null), 1);
        checkout(member, page).then().statusCode(303);
        OrderRow order = orders(member).get(0);
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("4.50"), "GBP");
        given().contentType("application/json")
                .body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\"" + order.checkoutId() + "\"}")
                .post("/sumup/webhook").then().statusCode(204);

        MailParts mail = MailParts.parse(Mailbox.confirmationsOf(order.id()).get(0));
        assertThat(mail.inlineImages()).isEmpty();
        assertThat(mail.containers().get("text/html")).isEqualTo("multipart/alternative");
        assertThat(mail.html()).doesNotContain("Your tickets");
        assertThat(mail.text()).doesNotContain("Your tickets").contains("1 x Tea at £4.50");
    }

    @Test
    void overSmtpTheSameImagesGoAsInlineAttachmentsUnderTheirContentIds() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Mail mail = ConfirmationMails.smtpMail("shop@example.org", "member@example.org", "Paid", "text",
                "<img src=\"cid:ticket-7@roseash\">", List.of(new InlineImage("ticket-7@roseash", "ticket-7.png",
                        "image/png", png)));
        assertThat(mail.getAttachments()).hasSize(1);
        Attachment a = mail.getAttachments().get(0);
        assertThat(a.isInlineAttachment()).isTrue();
        assertThat(a.getContentId()).isEqualTo("<ticket-7@roseash>");
        assertThat(a.getContentType()).isEqualTo("image/png");
        assertThat(mail.getHtml()).contains("cid:ticket-7@roseash");
        assertThat(mail.getText()).isEqualTo("text");
    }

    private List<IssuedRow> issued(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT id, code FROM tickets WHERE order_id = ?1 AND state = 'issued' ORDER BY id")
                .setParameter(1, orderId).getResultList().stream()
                .map(r -> new IssuedRow(((Number) ((Object[]) r)[0]).longValue(), (String) ((Object[]) r)[1]))
                .toList());
    }

    private static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            // a rendered, perfect grid: PURE_BARCODE reads it as one instead of hunting for finder patterns as in a
            // photo (which, for some codes, lands a module off and fails the checksum)
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                    Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new AssertionError("an inline image is not a readable QR code", e);
        }
    }
}
