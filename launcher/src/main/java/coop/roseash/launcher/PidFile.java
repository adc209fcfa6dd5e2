package coop.roseash.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A process id kept in a file under {@code .data/}, so {@code stop} can find what {@code up} started. */
final class PidFile {

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    void write(long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The live process recorded here whose command line contains {@code marker}; a stale file counts as none. */
    Optional<ProcessHandle> liveProcess(String marker) {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is harmless: liveProcess checks the process
        }
    }
}
