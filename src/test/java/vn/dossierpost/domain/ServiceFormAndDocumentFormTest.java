package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceFormAndDocumentFormTest {

    @Test
    void serviceFormsSayWhichLegsTheyUse() {
        assertThat(ServiceForm.SEND_ONLY.sends()).isTrue();
        assertThat(ServiceForm.SEND_ONLY.returns()).isFalse();
        assertThat(ServiceForm.SEND_AND_RETURN.sends()).isTrue();
        assertThat(ServiceForm.SEND_AND_RETURN.returns()).isTrue();
        assertThat(ServiceForm.RETURN_ONLY.sends()).isFalse();
        assertThat(ServiceForm.RETURN_ONLY.returns()).isTrue();
    }

    @Test
    void anOriginalSatisfiesAnyRequirementACopyOnlyACopy() {
        assertThat(DocumentForm.ORIGINAL.satisfies(DocumentForm.ORIGINAL)).isTrue();
        assertThat(DocumentForm.ORIGINAL.satisfies(DocumentForm.COPY)).isTrue();
        assertThat(DocumentForm.COPY.satisfies(DocumentForm.COPY)).isTrue();
        assertThat(DocumentForm.COPY.satisfies(DocumentForm.ORIGINAL)).isFalse();
    }
}
