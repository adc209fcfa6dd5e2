package coop.roseash.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough of the Redis protocol for the tests to empty and count their own logical database (the fragment cache). */
public final class RedisCommands {

    private RedisCommands() {
    }

    public static void flushDatabase(String host, int port, int database) {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(command("SELECT", Integer.toString(database)));
            out.write(command("FLUSHDB"));
            out.flush();
            InputStream in = socket.getInputStream();
            String replies = readLines(in, 2);
            if (!replies.equals("+OK\r\n+OK\r\n")) {
                throw new IllegalStateException("Redis refused FLUSHDB: " + replies);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** PUBLISH, as another process on the platform would (the reply counts the subscribers). */
    public static void publish(String host, int port, String channel, String message) {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(command("PUBLISH", channel, message));
            out.flush();
            String reply = readLines(socket.getInputStream(), 1);
            if (!reply.startsWith(":")) {
                throw new IllegalStateException("Redis refused PUBLISH: " + reply);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** DBSIZE of one logical database: how many keys it holds. */
    public static long keyCount(String host, int port, int database) {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(command("SELECT", Integer.toString(database)));
            out.write(command("DBSIZE"));
            out.flush();
            String replies = readLines(socket.getInputStream(), 2);
            if (!replies.startsWith("+OK\r\n:")) {
                throw new IllegalStateException("Redis refused DBSIZE: " + replies);
            }
            return Long.parseLong(replies.substring("+OK\r\n:".length()).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLines(InputStream in, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        int seen = 0;
        while (seen < lines) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
            if (b == '\n') {
                seen++;
            }
        }
        return text.toString();
    }
}
