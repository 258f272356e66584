package io.ztrade.testtools;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs every fuzz target of a module with Jazzer's libFuzzer driver, one JVM per target, a bounded
 * number of inputs each, and prints what each run did.
 *
 * <p>A fuzz target is a test class named {@code *FuzzTest} with a
 * {@code public static void fuzzerTestOneInput(byte[])}; its seed corpus is the folder Jazzer's
 * JUnit integration reads in regression mode, {@code <resources>/<package>/<Class>Inputs/<method>/},
 * and is never written to: new inputs go to {@code <work>/corpus/<Class>/}, crashes to
 * {@code <work>/<Class>-crash-*}. A crash fails the build; copy its file into the seed folder to
 * keep it as a regression test once fixed.
 *
 * <p>Arguments: {@code <test-classes> <test-resources> <work> <runs> <max-seconds> [<only>]}; with
 * {@code <only>} (Maven: {@code -Dfuzz.target=TriggerFilter}) just the targets whose class name
 * contains it run.
 */
public final class FuzzMain {

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    /**
     * A parser's diagnostics for one rejected input (ANTLR's console listener prints
     * {@code line 1:4 token recognition error at: ...} for every bad CESQL expression): counted, not
     * logged, or a million inputs write gigabytes.
     */
    private static final Pattern PARSER_NOISE = Pattern.compile("line \\d+:\\d+ ");

    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: FuzzMain <test-classes> <test-resources> <work> <runs> <max-seconds> [<only>]");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path resources = Path.of(args[1]);
        Path work = Path.of(args[2]);
        long runs = Long.parseLong(args[3]);
        long maxSeconds = Long.parseLong(args[4]);
        String only = args.length == 6 ? args[5].strip() : "";
        List<String> targets = targets(classes).stream().filter(t -> t.substring(t.lastIndexOf('.') + 1).contains(only)).toList();
        if (targets.isEmpty()) {
            System.out.println("[fuzz] no fuzz targets" + (only.isEmpty() ? "" : " matching " + only) + " in " + classes);
            return;
        }
        int failed = 0;
        for (String target : targets) {
            failed += run(target, resources, work, runs, maxSeconds) ? 0 : 1;
        }
        if (failed > 0) {
            System.err.println("[fuzz] " + failed + " of " + targets.size() + " targets found a crash; inputs in " + work);
            System.exit(1);
        }
    }

    static List<String> targets(Path classes) throws IOException, ClassNotFoundException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(classes)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(f -> f.getFileName().toString().endsWith("FuzzTest.class")).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, FuzzMain.class.getClassLoader());
                try {
                    Method m = c.getMethod("fuzzerTestOneInput", byte[].class);
                    if (Modifier.isStatic(m.getModifiers())) {
                        out.add(name);
                    }
                } catch (NoSuchMethodException e) {
                    // a plain test named like one
                }
            }
        }
        return out;
    }

    private static boolean run(String target, Path resources, Path work, long runs, long maxSeconds) throws Exception {
        String simple = target.substring(target.lastIndexOf('.') + 1);
        Path seeds = resources.resolve(target.substring(0, target.lastIndexOf('.')).replace('.', '/')).resolve(simple + "Inputs");
        List<Path> seedDirs = new ArrayList<>();
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> dirs = Files.list(seeds)) {
                dirs.filter(Files::isDirectory).sorted().forEach(seedDirs::add);
            }
        }
        Path corpus = work.resolve("corpus").resolve(simple);
        Files.createDirectories(corpus);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-XX:+EnableDynamicAgentLoading", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target, "--instrumentation_includes=io.ztrade.**",
                "-runs=" + runs, "-max_total_time=" + maxSeconds, "-rss_limit_mb=0", "-timeout=10",
                "-print_final_stats=1", "-artifact_prefix=" + work.resolve(simple + "-")));
        cmd.add(corpus.toString());
        seedDirs.forEach(d -> cmd.add(d.toString()));
        Path log = work.resolve(simple + ".log");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long noise = 0;
        boolean reporting = false;
        StringBuilder kept = new StringBuilder();
        // ISO-8859-1: the fuzzer echoes raw input bytes; every byte maps to one char, nothing fails to decode
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1));
                BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (PARSER_NOISE.matcher(line).lookingAt()) {
                    noise++;
                    continue;
                }
                out.write(line);
                out.newLine();
                // the start of the output, and everything from a crash report or the final summary on
                reporting |= line.startsWith("== Java Exception") || line.contains("ERROR: libFuzzer") || line.startsWith("Done ");
                if (kept.length() < 1 << 20 || reporting && kept.length() < 1 << 22) {
                    kept.append(line).append('\n');
                }
            }
            out.write("[fuzz] " + noise + " parser diagnostic lines (line N:M ...) not logged");
            out.newLine();
        }
        int code = p.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        String output = kept.toString();
        Matcher done = DONE.matcher(output);
        String summary = done.find() ? done.group(1) + " inputs in " + done.group(2) + " s" : "no summary";
        long corpusSize;
        try (Stream<Path> files = Files.list(corpus)) {
            corpusSize = files.count();
        }
        System.out.printf("[fuzz] %-40s %s (%.1f s with start-up), corpus %d, seeds %s: %s%n", simple, summary, seconds, corpusSize,
                seedDirs.isEmpty() ? "none" : seedDirs.size() + " folder(s)", code == 0 ? "no crash" : "CRASH, see " + log);
        if (code != 0) {
            output.lines().filter(l -> !l.contains("Failed to instrument") && !l.contains("Unsupported class file"))
                    .dropWhile(l -> !l.startsWith("== Java Exception") && !l.contains("ERROR: libFuzzer"))
                    .limit(12).forEach(l -> System.out.println("[fuzz]   " + l));
        }
        return code == 0;
    }
}
