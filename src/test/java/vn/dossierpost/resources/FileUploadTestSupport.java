package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/** Checks shared by the upload tests. */
final class FileUploadTestSupport {
    private FileUploadTestSupport() {}

    /** No file row, no FILE_ADDED event and nothing in staging for the dossier. */
    static void assertNothingStored(TestApp app, StoreFiles store, String code) {
        long rows = app.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).as("file rows of " + code).isZero();
        long events = app.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = :c AND e.type = 'FILE_ADDED'")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
        assertThat(events).as("FILE_ADDED events of " + code).isZero();
        assertThat(store.staging()).as("staging").isEmpty();
    }
}
