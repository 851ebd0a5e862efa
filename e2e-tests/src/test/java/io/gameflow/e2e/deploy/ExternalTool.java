package io.gameflow.e2e.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the real tools that check deploy/ (promtool, kubectl, docker-compose) from the project root.
 * A missing tool fails the test with the install step, rather than skipping it: `.ci/run` installs them all.
 */
public final class ExternalTool {

    /** What a run printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private ExternalTool() {
    }

    /** The project root: the failsafe/surefire property, else the parent of the module directory. */
    public static Path root() {
        return Path.of(System.getProperty("gameflow.root", "..")).toAbsolutePath().normalize();
    }

    public static Result run(String... command) {
        return run(Map.of(), command);
    }

    /** Runs with these environment variables changed: a null value removes the variable. */
    public static Result run(Map<String, String> environment, String... command) {
        require(command[0]);
        try {
            Path output = Files.createTempFile("gameflow-tool", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command);
                environment.forEach((name, value) -> {
                    if (value == null) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
                Process process = builder
                        .directory(root().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command[0], e);
        }
    }

    /** Runs the command and fails the test with its output unless it exits with 0. */
    public static String runOk(String... command) {
        return runOk(Map.of(), command);
    }

    /** As {@link #runOk(String...)}, with these environment variables changed (null removes one). */
    public static String runOk(Map<String, String> environment, String... command) {
        Result result = run(environment, command);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.exitCode()
                    + ":\n" + result.output());
        }
        return result.output();
    }

    private static void require(String tool) {
        if (tool.contains("/")) {
            return;
        }
        List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        if (path.stream().noneMatch(dir -> Files.isExecutable(Path.of(dir, tool)))) {
            throw new AssertionError(tool + " is not installed; `bash .ci/run` installs it (see its apt-get list)");
        }
    }
}
