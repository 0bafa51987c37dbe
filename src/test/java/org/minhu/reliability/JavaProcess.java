package org.minhu.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A packaged Quarkus app run as its own process, as in production, with its output in a log file. */
class JavaProcess {

    static final Path LOGS = Path.of("target", "reliability");

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    JavaProcess(String name, Path jar, List<String> jvmOptions, Map<String, String> environment) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        this.name = name;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
    }

    void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(LOGS);
            File log = LOGS.resolve(name + ".log").toFile();
            builder.redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log) : ProcessBuilder.Redirect.appendTo(log));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the check passes; fails with the log's name if the process exits or time runs out. */
    void awaitUp(BooleanSupplier up, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + LOGS.resolve(name + ".log"));
            }
            if (up.getAsBoolean()) {
                return;
            }
            Http.sleep(100);
        }
        throw new IllegalStateException(name + " was not up within " + timeout + "; see " + LOGS.resolve(name + ".log"));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    void kill() {
        if (process != null) {
            process.toHandle().destroyForcibly();
            waitFor();
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
            if (process.isAlive()) {
                kill();
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void waitFor() {
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
