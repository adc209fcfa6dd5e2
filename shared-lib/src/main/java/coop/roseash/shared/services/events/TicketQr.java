package coop.roseash.shared.services.events;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A ticket's QR code (ZXing), which holds the ticket's code as the check-in page reads it: inline SVG on the ticket
 * page, PNG for email (mail clients show an attached image where they block SVG and data: URIs). Both are drawn from
 * one matrix, so the page and the email show the same code.
 */
public final class TicketQr {

    /** Pixels per module of the PNG: a 33-module code with its margin comes out near 250 pixels wide. */
    private static final int PNG_SCALE = 6;

    private TicketQr() {
    }

    /** SVG markup of the QR code of {@code text}; {@code label} is its accessible name. Only trusted text goes in. */
    public static String svg(String text, String label) {
        BitMatrix m = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ticket-qr\" role=\"img\" aria-label=\""
                + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                + "\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight() + "\" width=\"240\" height=\"240\""
                + " shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The QR code of {@code text} as a black-and-white PNG. */
    public static byte[] png(String text) {
        BitMatrix m = matrix(text);
        BufferedImage image = new BufferedImage(m.getWidth() * PNG_SCALE, m.getHeight() * PNG_SCALE,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, m.get(x / PNG_SCALE, y / PNG_SCALE) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a ticket's QR code as PNG", e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a ticket code as QR", e);
        }
    }
}
