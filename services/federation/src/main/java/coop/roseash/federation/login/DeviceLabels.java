package coop.roseash.federation.login;

import jakarta.enterprise.context.ApplicationScoped;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * What a member recognises a session by: "Firefox 128 on Ubuntu", from the browser's User-Agent through ua-parser's
 * maintained patterns. Only this label is stored, never the header.
 */
@ApplicationScoped
public class DeviceLabels {
    static final String UNKNOWN = "An unknown browser";
    private static final int MAX_HEADER = 1024;

    private volatile Parser parser;

    public String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        Client client = parser().parse(userAgent.length() > MAX_HEADER ? userAgent.substring(0, MAX_HEADER) : userAgent);
        String browser = known(client.userAgent.family) ? client.userAgent.family
                + (client.userAgent.major == null ? "" : " " + client.userAgent.major) : null;
        String system = known(client.os.family) ? client.os.family : null;
        String device = known(client.device.family) ? client.device.family : null;
        if (browser == null && system == null) {
            return UNKNOWN;
        }
        StringBuilder label = new StringBuilder(browser == null ? "A browser" : browser);
        if (system != null) {
            label.append(" on ").append(system);
        }
        // phones and tablets say which (an iPhone, a Pixel); a desktop's "device" says nothing more
        if (device != null && system != null && !device.equals(system) && !"Mac".equals(device)) {
            label.append(" (").append(device).append(')');
        }
        return label.toString();
    }

    private static boolean known(String family) {
        return family != null && !family.isBlank() && !"Other".equals(family);
    }

    // reading the pattern file costs a few hundred milliseconds: once, on the first sign-in
    private Parser parser() {
        Parser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) {
                    parser = new Parser();
                }
                p = parser;
            }
        }
        return p;
    }
}
