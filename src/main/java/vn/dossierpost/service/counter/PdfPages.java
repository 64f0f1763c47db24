package vn.dossierpost.service.counter;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.dossierpost.service.Problem;

/**
 * Opens a staged PDF to count its pages. A file that starts with %PDF- but does not open (truncated,
 * damaged, locked with a password) would not open at the agency either, so it is refused now, while
 * the paper is still at the counter.
 */
final class PdfPages {
    private PdfPages() {}

    static int count(Path file, String field, String name) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                throw Problem.invalid(field, "'" + name + "': the PDF has no pages");
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw Problem.invalid(
                    field, "'" + name + "': the PDF is locked with a password; scan the document again without one");
        } catch (IOException
                | IllegalArgumentException
                | IllegalStateException
                | ClassCastException
                | NullPointerException e) {
            throw Problem.invalid(
                    field, "'" + name + "': starts like a PDF but cannot be opened as one (" + e.getMessage() + ")");
        }
    }
}
