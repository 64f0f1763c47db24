package vn.dossierpost.domain;

/**
 * The person who files a dossier on the applicant's behalf (người nộp thay), with the applicant's
 * authorisation (giấy ủy quyền): who they are, their relation to the applicant and the reference
 * of the authorisation, whose scan comes with the dossier's documents.
 */
public record Filer(String name, IdType idType, String idNumber, String relation, String authorisation) {

    /** The intake's line on the staff timeline: who filed, for whom, on what authorisation. */
    public String timelineNote() {
        return "Người nộp thay: " + name + " (" + relation + "), " + idType.label() + " " + idNumber
                + ", giấy ủy quyền " + authorisation;
    }
}
