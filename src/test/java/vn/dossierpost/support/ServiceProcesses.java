package vn.dossierpost.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.dossierpost.DossierpostApplication;

/**
 * The service as an operator runs it, as child JVMs of the test: the repository's config.yml, the
 * test JVM's classpath, the environment the test gives (nothing of the test JVM's own DATABASE_* or
 * DOSSIERPOST_* variables), each child's output in a numbered log file. {@link #close()} stops every
 * process started here, by its pid.
 */
public final class ServiceProcesses implements AutoCloseable {
    public static final String CONFIG = "config.yml";

    private final Path logDir;
    private final List<ServiceProcess> started = new ArrayList<>();

    public ServiceProcesses(Path logDir) {
        this.logDir = logDir;
    }

    /** {@code server config.yml} on these ports, with further JVM options (-D…, -X…) if given. */
    public static String[] serverArgs(ServicePorts ports, String... jvmOptions) {
        List<String> args = new ArrayList<>(Arrays.asList(ports.overrides()));
        args.addAll(Arrays.asList(jvmOptions));
        args.add("server");
        args.add(CONFIG);
        return args.toArray(String[]::new);
    }

    /** JVM options (those starting with -D or -X) go before the main class, the rest after it. */
    public synchronized ServiceProcess start(String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-cp");
        command.add(classpath());
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") || arg.startsWith("-X") ? command : appArgs).add(arg);
        }
        command.add(DossierpostApplication.class.getName());
        command.addAll(appArgs);

        Path log = logDir.resolve(String.format("%02d-%s.log", started.size() + 1, name));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile()) // the project dir, where config.yml is
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // only what the test sets decides where the data is
        builder.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("DOSSIERPOST_"));
        builder.environment().putAll(env);
        ServiceProcess child = new ServiceProcess(name, builder.start(), log);
        started.add(child);
        return child;
    }

    /** Every process started so far, the stopped ones too, in order. */
    public synchronized List<ServiceProcess> started() {
        return List.copyOf(started);
    }

    /** The tail of every child's output on stderr: for a test that failed. */
    public void printTails() {
        for (ServiceProcess child : started()) {
            System.err.println(child.tail());
        }
    }

    /** SIGTERM to every process still running, all at once; SIGKILL to any still running 30 s later. */
    @Override
    public void close() {
        List<ServiceProcess> all = started();
        all.stream().filter(ServiceProcess::isAlive).forEach(c -> c.process().destroy());
        for (ServiceProcess child : all) {
            child.destroy();
        }
    }

    /**
     * The test JVM's classpath without empty entries: surefire's java.class.path ends with a path
     * separator, and an empty entry means the working directory, where Liquibase would then find
     * migrations/changelog.xml a second time (beside target/classes) and refuse to run.
     */
    private static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
