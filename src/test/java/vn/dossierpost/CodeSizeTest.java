package vn.dossierpost;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Size limits that keep the code readable (ARCHITECTURE.md): no file of the services over 400
 * lines, no method anywhere over 80. The sources are parsed with the JDK's own compiler, so a
 * method's length is from its first line to its closing brace, whatever the formatting.
 */
class CodeSizeTest {
    private static final Path MAIN = Path.of("src/main/java/vn/dossierpost");
    private static final int MAX_SERVICE_FILE_LINES = 400;
    private static final int MAX_METHOD_LINES = 80;

    @Test
    void noServiceFileIsOver400Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("service"))) {
            long lines = Files.readAllLines(file).size();
            if (lines > MAX_SERVICE_FILE_LINES) {
                tooLong.add(MAIN.relativize(file) + ": " + lines + " lines");
            }
        }
        assertThat(tooLong)
                .as("service files over " + MAX_SERVICE_FILE_LINES + " lines")
                .isEmpty();
    }

    @Test
    void noMethodIsOver80Lines() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> tooLong = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) compiler.getTask(
                    null, files, null, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(sources(MAIN)));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void unused) {
                        long first = lines.getLineNumber(positions.getStartPosition(unit, method));
                        long last = lines.getLineNumber(positions.getEndPosition(unit, method));
                        if (last - first + 1 > MAX_METHOD_LINES) {
                            tooLong.add(Path.of(unit.getSourceFile().toUri()).getFileName() + " " + method.getName()
                                    + ": " + (last - first + 1) + " lines");
                        }
                        return super.visitMethod(method, unused);
                    }
                }.scan(unit, null);
            }
        }
        assertThat(tooLong).as("methods over " + MAX_METHOD_LINES + " lines").isEmpty();
    }

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
