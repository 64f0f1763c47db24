package vn.dossierpost.service.counter;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.service.Problem;

/**
 * Opens a staged PDF to count its pages. A file that starts with %PDF- but does not open (truncated,
 * damaged, locked with a password) would not open at the agency either, so it is refused now, while
 * the paper is still at the counter.
 *
 * <p>A PDF is a program of sorts: a few kilobytes of compressed streams can decode to gigabytes, and
 * nested objects can recurse without end. PDFBox decodes into a scratch space of bounded memory that
 * spills to a temporary file and refuses to grow past {@code maxWork} bytes in all; whatever the parser
 * throws, an {@link OutOfMemoryError} or a {@link StackOverflowError} included, is the file's fault and
 * answered as an unreadable PDF, never as a 500.
 */
public final class PdfPages {
    private static final Logger LOG = LoggerFactory.getLogger(PdfPages.class);

    private final long maxMemory;
    private final long maxWork;

    public PdfPages(long maxMemory, long maxWork) {
        this.maxMemory = maxMemory;
        this.maxWork = Math.max(maxWork, maxMemory);
    }

    int count(Path file, String field, String name) {
        MemoryUsageSetting scratch = MemoryUsageSetting.setupMixed(maxMemory, maxWork);
        try {
            if (PdfObjectStreams.decodeToMoreThan(file, maxWork)) {
                throw unreadable(field, name, "its compressed objects decode to more than " + Sizes.describe(maxWork));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (PDDocument document = Loader.loadPDF(file.toFile(), scratch.streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                throw Problem.invalid(field, "'" + name + "': the PDF has no pages");
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw Problem.invalid(
                    field, "'" + name + "': the PDF is locked with a password; scan the document again without one");
        } catch (Problem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(field, name, e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            LOG.warn("'{}' for {}: the PDF parser gave up: {}", name, field, e.toString());
            throw unreadable(field, name, "it takes more to open than a scan may");
        } catch (Throwable e) { // NOPMD - the parser's failure is the file's; the thread lives on
            LOG.warn("'{}' for {}: the PDF parser failed", name, field, e);
            throw unreadable(field, name, e.getClass().getSimpleName());
        }
    }

    private static Problem unreadable(String field, String name, String why) {
        String reason = why == null ? "" : why.length() > 200 ? why.substring(0, 200) + "…" : why;
        return Problem.invalid(
                field,
                "'" + name + "': unreadable PDF: starts like a PDF but cannot be opened as one"
                        + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }
}
