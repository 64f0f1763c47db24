package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * A DAO left out of {@link JdbiSetup}'s list still works, only slower (its SqlObject metadata is
 * rebuilt on every handle), so nothing else would notice. The compiled classes of this package are
 * the reference: every {@code *DAO} interface there must be in the list.
 */
class JdbiSetupTest {

    @Test
    void listsEveryDaoInterfaceOfThePackage() throws Exception {
        List<Class<?>> compiled = daoInterfacesOnTheClassPath();

        assertThat(compiled).contains(UserDAO.class, OutboxDAO.class);
        assertThat(JdbiSetup.daos()).containsExactlyInAnyOrderElementsOf(compiled);
    }

    @Test
    void prepareEveryListedDaoWithoutADatabase() {
        Jdbi jdbi = Jdbi.create("jdbc:postgresql://127.0.0.1:1/never-opened").installPlugin(new SqlObjectPlugin());

        assertThat(JdbiSetup.configure(jdbi)).isSameAs(jdbi);
    }

    private static List<Class<?>> daoInterfacesOnTheClassPath() throws IOException, URISyntaxException {
        // the folder JdbiSetup itself came from (getResource("") could answer target/test-classes)
        URL setup = JdbiSetup.class.getResource("JdbiSetup.class");
        assertThat(setup).as("JdbiSetup's compiled class").isNotNull();
        assertThat(setup.getProtocol())
                .as("the db package is read from a folder (target/classes), not a jar")
                .isEqualTo("file");
        try (Stream<Path> files = Files.list(Path.of(setup.toURI()).getParent())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith("DAO.class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(JdbiSetup.class.getPackageName() + "."
                            + name.substring(0, name.length() - ".class".length())))
                    .filter(Class::isInterface)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
