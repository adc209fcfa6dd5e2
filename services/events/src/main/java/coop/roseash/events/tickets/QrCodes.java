package coop.roseash.events.tickets;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/** A QR code (ZXing) as inline SVG: one path of unit squares, scaled by the viewBox, crisp at any size. */
public final class QrCodes {

    private QrCodes() {
    }

    /** SVG markup of the QR code of {@code text}; {@code label} is its accessible name. Only trusted text goes in. */
    public static String svg(String text, String label) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a ticket code as QR", e);
        }
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
}
