package coop.roseash.events.checkin;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.jsoup.nodes.Element;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a ticket page's SVG QR code back: draws its squares into pixels and decodes them with ZXing's reader. */
final class QrDecoding {

    private static final int SCALE = 4;

    private QrDecoding() {
    }

    static String decode(Element svg) throws Exception {
        String[] box = svg.attr("viewBox").split(" ");
        int w = Integer.parseInt(box[2]);
        int h = Integer.parseInt(box[3]);
        int[] pixels = new int[w * SCALE * h * SCALE];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg.selectFirst("path").attr("d"));
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y * SCALE + dy) * w * SCALE + x * SCALE + dx] = 0xFF000000;
                }
            }
        }
        var source = new RGBLuminanceSource(w * SCALE, h * SCALE, pixels);
        // a drawn, perfect grid: read it as one (PURE_BARCODE). Without the hint the reader hunts for finder patterns as
        // in a photo and, for some codes, locates them a module off (a ChecksumException about once in a few dozen runs)
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
