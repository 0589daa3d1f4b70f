package com.paystream.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands a document tells a reader to paste once {@code ./run.sh} is up: its {@code ```sh} blocks that
 * call the suite (they name one of its ports on localhost), in the document's order, run as one shell session from
 * the repository's folder. Every {@code curl} must get a 2xx answer: the session runs with {@code set -euo pipefail}
 * and {@code curl} fails on an error status ({@code --fail-with-body}), so a command that no longer works as written
 * stops it, with the answer in the output.
 */
final class DocsWalkThrough {
    private static final Pattern SH_BLOCK = Pattern.compile("^( *)```sh\\n(.*?)^\\1```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final String SESSION = """
            set -euo pipefail
            curl() { command curl --show-error --fail-with-body "$@"; }
            """;

    private DocsWalkThrough() {
    }

    /** The blocks of {@code document} that call the running suite, in order, their indentation removed. */
    static List<String> blocks(Path document) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(Files.readString(document));
        while (block.find()) {
            String indent = block.group(1);
            String text = block.group(2).lines().map(line -> line.startsWith(indent) ? line.substring(indent.length())
                    : line).reduce("", (all, line) -> all + line + "\n");
            if (text.contains("localhost:8")) {
                blocks.add(text);
            }
        }
        return blocks;
    }

    /**
     * Runs {@code blocks} as one shell session in {@code root} with {@code PAYSTREAM_DATA} set to {@code data}; its
     * output (standard output and error) goes to {@code output}. The session's exit status.
     */
    static int run(List<String> blocks, Path root, Path data, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", SESSION + String.join("", blocks))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PAYSTREAM_DATA", data.toString());
        Process shell = builder.start();
        if (!shell.waitFor(5, TimeUnit.MINUTES)) {
            shell.destroyForcibly();
            throw new IllegalStateException("the walk-through did not end in 5 minutes; its output: " + output);
        }
        return shell.exitValue();
    }
}
