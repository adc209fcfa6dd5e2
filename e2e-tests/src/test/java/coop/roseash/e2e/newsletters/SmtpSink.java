package coop.roseash.e2e.newsletters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a free local port that keeps every message it accepts, so a test counts what was
 * delivered: a message counts once the sink has answered 250 to the end of its DATA, as a mail server's
 * acceptance does. Plain SMTP (no TLS, no AUTH), enough for Quarkus Mailer's client.
 */
public final class SmtpSink implements AutoCloseable {

    /** One accepted message: its recipients and its whole text (headers and body). */
    public record Message(List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final List<Message> accepted = new ArrayList<>();
    private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();

    public SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages accepted so far. */
    public synchronized int count() {
        return accepted.size();
    }

    public synchronized List<Message> messages() {
        return List.copyOf(accepted);
    }

    /** How many messages were accepted for each recipient. */
    public Map<String, Integer> copiesPerRecipient() {
        Map<String, Integer> copies = new java.util.HashMap<>();
        perRecipient.forEach((k, v) -> copies.put(k, v.get()));
        return copies;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> session(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.localhost ESMTP test sink");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink.localhost\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 sink.localhost");
                    case "MAIL" -> {
                        recipients = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                        }
                        if (d == null) {
                            return; // the client went away mid-message: nothing accepted
                        }
                        synchronized (this) {
                            accepted.add(new Message(List.copyOf(recipients), data.toString()));
                            recipients.forEach(r -> perRecipient.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet());
                        }
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException gone) {
            // the client's process was killed: its connection ends here
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return (open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1)).strip().toLowerCase();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
